// The renderer's side of the desktop shell, in the browser: Playwright stands between the page and
// the host's bridge, playing main's part. It pushes onDidMenuCommand / onDidOpenFile events the
// way Electron's main does and answers shell:takeOpenedFiles, while every other call goes through
// to the real host.
import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import { downloadedDesign, openApp } from './helpers';

const SHOTS = 'test-results/screenshots';

interface Shell {
  /** main → renderer push event */
  push(event: string, payload: unknown): void;
  /** What the next shell:takeOpenedFiles answers. */
  queue: unknown[];
  /** Every shell:report the renderer sent. */
  reports: { isDirty: boolean; locale: string }[];
}

async function playMain(page: Page): Promise<Shell> {
  const shell: Shell = { push: () => {}, queue: [], reports: [] };
  await page.routeWebSocket(/\/bridge(\?|$)/, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    shell.push = (event, payload) => ws.send(JSON.stringify({ event, payload }));
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as { id: number; channel: string; payload: unknown };
      if (call.channel === 'shell:takeOpenedFiles') {
        ws.send(JSON.stringify({ id: call.id, result: { ok: true, value: shell.queue.splice(0) } }));
        return;
      }
      if (call.channel === 'shell:report') shell.reports.push(call.payload as Shell['reports'][number]);
      server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  return shell;
}

test('menu commands: the language switches and is reported back, Save As opens, a malformed command does nothing', async ({ page }) => {
  const shell = await playMain(page);
  await openApp(page);
  await expect.poll(() => shell.reports.at(-1)).toEqual({ isDirty: false, locale: 'en' });
  shell.push('onDidMenuCommand', { command: 'language:zh-CN' });
  await expect(page.getByRole('button', { name: '检查作业' })).toBeVisible();
  await expect.poll(() => shell.reports.at(-1)?.locale).toBe('zh-CN');
  shell.push('onDidMenuCommand', { command: 'language:en' });
  await expect.poll(() => shell.reports.at(-1)?.locale).toBe('en');

  shell.push('onDidMenuCommand', { command: 'format-disk' });
  shell.push('onDidMenuCommand', { command: 'saveAs' });
  await expect(page.getByRole('dialog', { name: /save/i })).toBeVisible();
  // Events arrive in order: by now the malformed one was handled, and it opened nothing.
  await expect(page.getByRole('dialog')).toHaveCount(1);
});

test('a design opened from the file manager asks before replacing unsaved work, then opens; a bad file is named', async ({ page }) => {
  const shell = await playMain(page);
  await openApp(page);
  const lesson = (await downloadedDesign(page)) as { nodes: { id: string }[]; edges: { source: string; target: string }[] };
  const kept = new Set(lesson.nodes.slice(0, 2).map((n) => n.id));
  const design = { ...lesson, nodes: lesson.nodes.filter((n) => kept.has(n.id)), edges: lesson.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };

  // Unsaved work: add a service, and the renderer tells main the design is dirty.
  await page.locator('.sl-palette-item[data-kind="service"]').dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 300, y: 520 } });
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect.poll(() => shell.reports.at(-1)?.isDirty).toBe(true);

  shell.queue.push({ kind: 'design', fileName: 'cart.statelab.json', graph: design });
  shell.push('onDidOpenFile', {});
  const confirm = page.getByRole('dialog', { name: 'Open cart.statelab.json?' });
  await expect(confirm).toBeVisible();
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/desktop-open-file-confirm-${width}x${height}.png` });
  }
  await confirm.getByRole('button', { name: 'Discard and open cart.statelab.json' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect.poll(() => shell.reports.at(-1)?.isDirty).toBe(false);

  shell.queue.push({ kind: 'error', fileName: 'bad.statelab.json', message: 'The file "bad.statelab.json": nodes[0].id: expected string' });
  shell.push('onDidOpenFile', {});
  await expect(page.getByTestId('file-error')).toContainText('nodes[0].id: expected string');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
});
