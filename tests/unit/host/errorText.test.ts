// Internal errors reach the user without the host's folders or other absolute paths.
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../src/main/host/dispatcher';
import { hidePaths } from '../../../src/main/host/errorText';

const folders = [{ dir: '/home/ada/.config/StateLab', name: "the app's data folder" }];

describe('internal error text', () => {
  it('names host folders plainly and cuts other absolute paths to their last part', () => {
    expect(hidePaths('cannot read /home/ada/.config/StateLab/packs/x/pack.json', folders)).toBe("cannot read <the app's data folder>/packs/x/pack.json");
    expect(hidePaths("open '/opt/StateLab/resources/app.asar/out/main/index.js' failed.", folders)).toBe("open 'index.js' failed.");
    expect(hidePaths('at C:\\Users\\ada\\AppData\\x.json, then', folders)).toBe('at x.json, then');
    expect(hidePaths('see https://example.org/a/b and 1/2 and and/or', folders)).toBe('see https://example.org/a/b and 1/2 and and/or');
  });

  it('is what the dispatcher sends for an unexpected error, while the log keeps the whole of it', async () => {
    const logged: string[] = [];
    const handlers = { 'app:info': () => Promise.reject(new Error('bad state in /srv/statelab/data/progress.json')) } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, (m) => logged.push(m), folders);
    const result = await dispatch('app:info', {}, { emit: () => {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: 'app:info failed: bad state in progress.json', key: 'call.failed' } });
    expect(logged.join('\n')).toContain('/srv/statelab/data/progress.json');
  });
});
