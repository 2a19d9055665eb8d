// Issue 10, item 6 (a): each lesson's work is kept on disk per (pack, lesson) and comes back after
// a restart of the host; a damaged file is set aside with a warning, never deleted.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import type { Graph } from '../../../src/shared/graph';
import type { Result } from '../../../src/shared/result';

const PACK = 'stateless-vs-stateful';
const graphOf = (label: string): Graph => ({
  format: 'statelab.graph',
  version: 1,
  nodes: [{ id: 'users', kind: 'client', label, position: { x: 0, y: 0 }, props: { rps: 10 } }],
  edges: [],
});

function start(dataDir: string) {
  const host = createHost({ host: 'web', builtinPackDirs: [], dataDir });
  return (channel: string, payload: unknown) => host.dispatch(channel, payload, { emit: () => {} }) as Promise<Result<unknown>>;
}

describe('lesson work', () => {
  it('keeps every lesson’s own work across a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-work-'));
    const call = start(dataDir);
    expect(await call('lessons:loadWork', { packId: PACK, lessonId: 'any-instance' })).toEqual({ ok: true, value: { graph: null, answers: {} } });
    expect(await call('lessons:saveWork', { packId: PACK, lessonId: 'any-instance', graph: graphOf('first try') })).toMatchObject({ ok: true });
    expect(await call('lessons:saveWork', { packId: PACK, lessonId: 'any-instance', graph: graphOf('lesson one') })).toMatchObject({ ok: true });
    expect(await call('lessons:saveWork', { packId: PACK, lessonId: 'session-state', graph: graphOf('lesson three') })).toMatchObject({ ok: true });

    const restarted = start(dataDir);
    expect(await restarted('lessons:loadWork', { packId: PACK, lessonId: 'any-instance' })).toEqual({ ok: true, value: { graph: graphOf('lesson one'), answers: {} } });
    expect(await restarted('lessons:loadWork', { packId: PACK, lessonId: 'session-state' })).toEqual({ ok: true, value: { graph: graphOf('lesson three'), answers: {} } });
    expect(readdirSync(path.join(dataDir, 'lessons-work', PACK)).sort()).toEqual(['any-instance.statelab.json', 'session-state.statelab.json']);
  });

  it('writes quick successive saves in order: the last edit is what stays', async () => {
    const call = start(mkdtempSync(path.join(tmpdir(), 'statelab-work-')));
    await Promise.all(Array.from({ length: 12 }, (_, i) => call('lessons:saveWork', { packId: PACK, lessonId: 'l', graph: graphOf(`edit ${i}`) })));
    expect(await call('lessons:loadWork', { packId: PACK, lessonId: 'l' })).toEqual({ ok: true, value: { graph: graphOf('edit 11'), answers: {} } });
  });

  it('sets a damaged file aside with a warning, and the lesson starts from its starter', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-work-'));
    const folder = path.join(dataDir, 'lessons-work', PACK);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'any-instance.statelab.json'), '{"format":"statelab.graph","version":1,"nodes":[');
    const loaded = await start(dataDir)('lessons:loadWork', { packId: PACK, lessonId: 'any-instance' });
    expect(loaded).toMatchObject({ ok: true, value: { graph: null } });
    const warning = loaded.ok ? (loaded.value as { warning?: { message: string } }).warning?.message : '';
    expect(warning).toMatch(/could not be used \(.*not valid JSON.*\) and the lesson starts from its starter/);
    expect(warning).toContain(`lessons-work/${PACK}/any-instance.statelab.json.damaged`);
    expect(readFileSync(path.join(folder, 'any-instance.statelab.json.damaged'), 'utf8')).toMatch(/^\{"format"/);
    expect(existsSync(path.join(folder, 'any-instance.statelab.json'))).toBe(false);
  });

  it('keeps a lesson’s quiz and prediction answers across a restart, apart from its design; a file not ours reads as no answers', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-work-'));
    const call = start(dataDir);
    expect(await call('lessons:saveAnswers', { packId: PACK, lessonId: 'any-instance', answers: { 'why-any': 'db' } })).toMatchObject({ ok: true });
    expect(await call('lessons:saveAnswers', { packId: PACK, lessonId: 'any-instance', answers: { 'why-any': 'memory', other: 'b' } })).toMatchObject({ ok: true });
    expect(await call('lessons:saveWork', { packId: PACK, lessonId: 'any-instance', graph: graphOf('lesson one') })).toMatchObject({ ok: true });

    const restarted = start(dataDir);
    expect(await restarted('lessons:loadWork', { packId: PACK, lessonId: 'any-instance' })).toEqual({ ok: true, value: { graph: graphOf('lesson one'), answers: { 'why-any': 'memory', other: 'b' } } });
    // Answers without a design: the lesson starts from its starter with the answers kept.
    expect(await restarted('lessons:saveAnswers', { packId: PACK, lessonId: 'session-state', answers: { predict: 'a' } })).toMatchObject({ ok: true });
    expect(await restarted('lessons:loadWork', { packId: PACK, lessonId: 'session-state' })).toEqual({ ok: true, value: { graph: null, answers: { predict: 'a' } } });

    writeFileSync(path.join(dataDir, 'lessons-work', PACK, 'session-state.answers.json'), '{"answers": {"predict": 7}}');
    expect(await restarted('lessons:loadWork', { packId: PACK, lessonId: 'session-state' })).toEqual({ ok: true, value: { graph: null, answers: {} } });
    const tooMany = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, 'a']));
    const refused = await restarted('lessons:saveAnswers', { packId: PACK, lessonId: 'session-state', answers: tooMany });
    expect(!refused.ok && refused.error.message).toMatch(/lessons:saveAnswers: the request has problems:\nanswers/);
  });

  it('refuses pack and lesson ids that would leave the folder, naming the field', async () => {
    const call = start(mkdtempSync(path.join(tmpdir(), 'statelab-work-')));
    for (const [packId, lessonId] of [['..', 'x'], [PACK, '../../evil'], [PACK, 'a/b'], ['/etc', 'passwd'], [PACK, '.hidden'], [PACK, 'x'.repeat(65)]]) {
      const result = await call('lessons:saveWork', { packId, lessonId, graph: graphOf('x') });
      expect(result.ok, `${packId}/${lessonId}`).toBe(false);
      expect(!result.ok && result.error.message).toMatch(/lessons:saveWork: the request has problems:\n(packId|lessonId)/);
    }
  });
});
