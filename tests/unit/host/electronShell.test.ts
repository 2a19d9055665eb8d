// The desktop shell's pieces with electron faked: files handed over by the OS and a second launch,
// the unsaved-changes prompt on close, and the remembered window placement.
import type { App } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { guardUnsavedChanges } from '../../../src/main/electron/closeGuard';
import { claimSingleInstance, createOpenedFileQueue, filesFromArgv } from '../../../src/main/electron/openedFiles';
import { DEFAULT_WINDOW, placeWindow, readWindowState, writeWindowState } from '../../../src/main/electron/windowState';
import { GRAPH_FORMAT, GRAPH_VERSION } from '../../../src/shared/graph';

const dir = mkdtempSync(path.join(tmpdir(), 'statelab-shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const graph = { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: [], edges: [] };
const designFile = path.join(dir, 'shop.statelab.json');
writeFileSync(designFile, JSON.stringify(graph));

type Listener = (...args: unknown[]) => void;
function fakeApp(hasLock: boolean) {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    app: { requestSingleInstanceLock: vi.fn(() => hasLock), on: vi.fn((name: string, fn: Listener) => listeners.set(name, fn)) } as unknown as Pick<App, 'requestSingleInstanceLock' | 'on'>,
  };
}

describe('files from the operating system', () => {
  it('picks StateLab files from a command line, resolved against its folder', () => {
    const argv = ['--no-sandbox', 'shop.statelab.json', 'notes.txt', '/abs/a.statelab-pack.zip', 'b.STATELAB-SUBMISSION.JSON', 'c.json'];
    expect(filesFromArgv(argv, '/home/ann')).toEqual([path.resolve('/home/ann/shop.statelab.json'), path.resolve('/abs/a.statelab-pack.zip'), path.resolve('/home/ann/b.STATELAB-SUBMISSION.JSON')]);
  });

  it('a second launch focuses the first and hands over its file, which the renderer can then take', async () => {
    const notify = vi.fn();
    const queue = createOpenedFileQueue(notify);
    const focus = vi.fn();
    const { app, listeners } = fakeApp(true);
    expect(claimSingleInstance(app, (files) => {
      focus();
      void queue.add(files);
    })).toBe(true);
    listeners.get('second-instance')?.({}, ['/opt/StateLab/statelab', 'shop.statelab.json'], dir);
    expect(focus).toHaveBeenCalledOnce();
    const taken = await queue.take();
    expect(taken).toEqual([{ kind: 'design', fileName: 'shop.statelab.json', graph }]);
    expect(notify).toHaveBeenCalled();
    expect(await queue.take()).toEqual([]);
  });

  it('a second launch without the lock does not start', () => {
    const { app, listeners } = fakeApp(false);
    expect(claimSingleInstance(app, vi.fn())).toBe(false);
    expect(listeners.size).toBe(0);
  });

  it('macOS open-file events are handed over too', async () => {
    const queue = createOpenedFileQueue(() => {});
    const { app, listeners } = fakeApp(true);
    claimSingleInstance(app, (files) => void queue.add(files));
    const event = { preventDefault: vi.fn() };
    listeners.get('open-file')?.(event, designFile);
    expect(event.preventDefault).toHaveBeenCalled();
    expect((await queue.take()).map((f) => f.kind)).toEqual(['design']);
  });

  it('reads each kind, and turns a bad or missing file into a message naming it', async () => {
    const bad = path.join(dir, 'bad.statelab.json');
    writeFileSync(bad, '{"format":"statelab.graph","version":1,"nodes":[{"id":5}],"edges":[]}');
    const pack = path.join(dir, 'course.zip');
    writeFileSync(pack, Buffer.from('PK\u0003\u0004 zip bytes'));
    const submission = path.join(dir, 'ann.statelab-submission.json');
    writeFileSync(submission, '{"format":"statelab.submission"}');
    const queue = createOpenedFileQueue(() => {});
    await queue.add([bad, path.join(dir, 'gone.statelab.json'), submission]);
    await queue.add([pack], 'pack');
    const [badFile, missing, sub, zip] = await queue.take();
    expect(badFile).toMatchObject({ kind: 'error', fileName: 'bad.statelab.json', message: expect.stringMatching(/nodes\[0\]/) });
    expect(missing).toMatchObject({ kind: 'error', fileName: 'gone.statelab.json', message: expect.stringMatching(/could not be read/) });
    expect(sub).toEqual({ kind: 'submission', fileName: 'ann.statelab-submission.json', text: '{"format":"statelab.submission"}' });
    expect(zip).toEqual({ kind: 'pack', fileName: 'course.zip', zipBase64: Buffer.from('PK\u0003\u0004 zip bytes').toString('base64') });
  });
});

describe('unsaved changes on close', () => {
  function fakeWindow() {
    let onClose: ((event: { preventDefault(): void }) => void) | undefined;
    const win = {
      on: vi.fn((name: string, fn: typeof onClose) => {
        if (name === 'close') onClose = fn;
      }),
      close: vi.fn(() => onClose?.({ preventDefault: vi.fn() })),
      isDestroyed: () => false,
    };
    const tryClose = () => {
      const event = { preventDefault: vi.fn() };
      onClose?.(event);
      return event;
    };
    return { win, tryClose };
  }

  it('closes without asking when everything is saved', () => {
    const { win, tryClose } = fakeWindow();
    const dialog = { showMessageBox: vi.fn() };
    guardUnsavedChanges(win as never, dialog as never, () => ({ isDirty: false, locale: 'en' }));
    expect(tryClose().preventDefault).not.toHaveBeenCalled();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('asks, in the app language, when the design has unsaved changes; Cancel keeps the window', async () => {
    const { win, tryClose } = fakeWindow();
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })) };
    guardUnsavedChanges(win as never, dialog as never, () => ({ isDirty: true, locale: 'zh-CN' }));
    expect(tryClose().preventDefault).toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    const options = (dialog.showMessageBox.mock.calls[0] as unknown[])[1] as { message: string; buttons: string[]; cancelId: number };
    expect(options.message).toBe('你的设计有未保存的更改。');
    expect(options.buttons).toEqual(['不保存并关闭', '取消']);
    expect(options.cancelId).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(win.close).not.toHaveBeenCalled();
  });

  it('"Close without saving" closes the window for real', async () => {
    const { win, tryClose } = fakeWindow();
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) };
    guardUnsavedChanges(win as never, dialog as never, () => ({ isDirty: true, locale: 'en' }));
    tryClose();
    await vi.waitFor(() => expect(win.close).toHaveBeenCalledOnce());
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
  });
});

describe('window placement', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('reopens where it was left, after a round trip through the data folder', async () => {
    const dataDir = mkdtempSync(path.join(dir, 'data-'));
    await writeWindowState(dataDir, { x: 100, y: 80, width: 1200, height: 800, isMaximized: true });
    expect(placeWindow(await readWindowState(dataDir), screen)).toEqual({ x: 100, y: 80, width: 1200, height: 800, isMaximized: true });
  });

  it('centres the window when the saved position is on a display that is gone', () => {
    expect(placeWindow({ x: 3000, y: 200, width: 1200, height: 800, isMaximized: false }, screen)).toEqual({ width: 1200, height: 800, isMaximized: false });
    expect(placeWindow({ x: 100, y: -500, width: 1200, height: 800, isMaximized: false }, screen)).not.toHaveProperty('x');
  });

  it('clamps the size to the display and to the minimum, and ignores a malformed file', async () => {
    expect(placeWindow({ x: 0, y: 0, width: 9000, height: 10, isMaximized: false }, screen)).toMatchObject({ width: 1920, height: 600 });
    for (const junk of [undefined, null, 'x', { x: '1', y: 0, width: 1, height: 1 }, { x: 0, y: 0, width: 1e9, height: 800 }, { x: 0, y: 0, width: 800, height: 800, extra: 1 }]) {
      expect(placeWindow(junk, screen)).toEqual({ ...DEFAULT_WINDOW, isMaximized: false });
    }
    const dataDir = mkdtempSync(path.join(dir, 'data-'));
    writeFileSync(path.join(dataDir, 'window.json'), '{not json');
    expect(await readWindowState(dataDir)).toBeUndefined();
  });
});
