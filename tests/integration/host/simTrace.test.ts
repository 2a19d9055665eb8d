import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import type { LessonView, RunDone } from '../../../src/shared/ipc';
import type { TraceAnswer } from '../../../src/shared/requestTrace';

const PACK_DIR = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');
const ctx = { emit: () => {} };
let dispose = () => {};
afterEach(() => dispose());

async function lesson3() {
  const host = createHost({ host: 'web', builtinPackDirs: [PACK_DIR], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-data-')) });
  dispose = host.dispose;
  const opened = (await host.dispatch('lessons:open', { packId: 'stateless-vs-stateful', lessonId: 'session-state' }, ctx)) as { value: LessonView };
  return { host, lesson: opened.value };
}

describe('sim:trace through the host', () => {
  it("traces lesson 3's first failed request after the crash in a worker, on the same run as sim:run", async () => {
    const { host, lesson } = await lesson3();
    const run = (await host.dispatch('sim:run', { runId: 'r', graph: lesson.starter, scenario: lesson.scenario }, ctx)) as { value: RunDone };
    const answer = await host.dispatch('sim:trace', { graph: lesson.starter, scenario: lesson.scenario, selector: { kind: 'firstFailedAfter', faultIndex: 0 } }, ctx);
    expect(answer.ok).toBe(true);
    const value = (answer as { value: TraceAnswer }).value;
    expect(value.traceHash).toBe(run.value.result.traceHash);
    const t = value.traces[0]!;
    expect(t.outcome).not.toBe('ok');
    expect(t.endMs).toBeGreaterThanOrEqual(lesson.scenario.faults[0]!.atMs);
    expect(t.lanes[0]).toBe('users');
  });

  it('refuses a malformed selector, naming the field', async () => {
    const { host, lesson } = await lesson3();
    const bad = await host.dispatch('sim:trace', { graph: lesson.starter, scenario: lesson.scenario, selector: { kind: 'ids', ids: [] } }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect((bad as { error: { message: string } }).error.message).toMatch(/selector\.ids/);
  });
});
