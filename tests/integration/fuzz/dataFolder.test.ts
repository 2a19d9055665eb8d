/**
 * The files the host keeps in its data folder are read back as untrusted too: a disk error, a
 * hand edit or another app's version can leave any of them damaged. Each of them (the autosave,
 * the grade progress, a lesson's saved work, a studio draft, the recent list) is written valid by
 * the host, then mutated on disk, and a fresh host (as after a restart) reads it through its
 * channel: a result, a warning or a named refusal; never an internal error, a throw or
 * prototype pollution, and the student's saved design beside it is untouched.
 * DATA_FUZZ_RUNS raises the case count.
 */
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import type { Result } from '../../../src/shared/result';
import { mutateJson, mutationArb, textDamageArb } from '../../support/jsonMutate';
import { BUILTIN_PACK_DIR } from '../../support/packZip';

const RUNS = Number(process.env.DATA_FUZZ_RUNS ?? 120);
const ctx = { emit: () => {} };
const PACK = 'stateless-vs-stateful';

function hostOn(dataDir: string) {
  const host = createHost({ host: 'web', builtinPackDirs: [BUILTIN_PACK_DIR], dataDir });
  const call = (channel: string, payload: unknown) => host.dispatch(channel, payload, ctx) as Promise<Result<unknown>>;
  return { call, dispose: () => host.dispose() };
}

const design = { format: 'statelab.graph', version: 1, nodes: [{ id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, props: { rps: 5 } }], edges: [] };

/** Each kept file: where it lives, and the call that reads it back after a restart. */
const KEPT = {
  autosave: { file: 'autosave.json', read: ['autosave:read', {}] },
  progress: { file: 'progress.json', read: ['progress:get', { packId: PACK }] },
  work: { file: `lessons-work/${PACK}/any-instance.statelab.json`, read: ['lessons:loadWork', { packId: PACK, lessonId: 'any-instance' }] },
  draft: { file: 'studio/my-draft/studio.json', read: ['studio:open', { id: 'my-draft' }] },
  drafts: { file: 'studio/my-draft/studio.json', read: ['studio:list', {}] },
  recent: { file: 'recent.json', read: ['files:recent', {}] },
} as const;

describe('damaged files in the data folder', () => {
  it(`read back as a result, a warning or a named refusal after a restart (${RUNS} cases)`, async () => {
    // One folder the host filled with valid copies of everything it keeps.
    const template = mkdtempSync(path.join(tmpdir(), 'statelab-data-fuzz-'));
    const first = hostOn(template);
    expect((await first.call('files:save', { name: 'mine', graph: design })).ok).toBe(true);
    expect((await first.call('autosave:write', { graph: design, name: 'mine', lessonId: null })).ok).toBe(true);
    expect((await first.call('lessons:saveWork', { packId: PACK, lessonId: 'any-instance', graph: design })).ok).toBe(true);
    expect((await first.call('studio:create', { id: 'my-draft', title: 'Draft', fromPackId: PACK })).ok).toBe(true);
    first.dispose();
    writeFileSync(path.join(template, 'progress.json'), JSON.stringify({ format: 'statelab.progress', version: 1, packs: { [PACK]: { 'any-instance': { bestScore: 3, maxScore: 5, isComplete: false } } } }));
    const mine = readFileSync(path.join(template, 'designs', 'mine.statelab.json'), 'utf8');
    const valid = Object.fromEntries(Object.entries(KEPT).map(([k, v]) => [k, JSON.parse(readFileSync(path.join(template, v.file), 'utf8')) as unknown]));

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...(Object.keys(KEPT) as (keyof typeof KEPT)[])), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), textDamageArb, async (which, mutations, damage) => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-data-case-'));
        cpSync(template, dataDir, { recursive: true });
        writeFileSync(path.join(dataDir, KEPT[which].file), mutateJson(valid[which], mutations, damage));
        const { call, dispose } = hostOn(dataDir);
        try {
          const [channel, payload] = KEPT[which].read;
          const result = await call(channel, payload);
          if (!result.ok) {
            expect(result.error.code, result.error.message).not.toBe('internal');
            expect(result.error.message.length).toBeGreaterThan(0);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(readFileSync(path.join(dataDir, 'designs', 'mine.statelab.json'), 'utf8')).toBe(mine);
          expect((await call('files:open', { name: 'mine' })).ok).toBe(true);
        } finally {
          dispose();
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.DATA_FUZZ_SEED ?? 20_261_127) },
    );
  }, 60_000 + RUNS * 500);
});
