import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import type { LessonView, RunDone } from '../../../src/shared/ipc';

const PACK_DIR = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');

describe('sim:run through the host', () => {
  it('runs the first lesson in a worker, reports progress, and returns throughput and p99', async () => {
    const host = createHost({ host: 'web', builtinPackDirs: [PACK_DIR], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-data-')) });
    const events: { event: string; payload: unknown }[] = [];
    const ctx = { emit: (event: string, payload: unknown) => void events.push({ event, payload }) };
    const opened = await host.dispatch('lessons:open', { packId: 'stateless-vs-stateful', lessonId: 'any-instance' }, ctx);
    expect(opened.ok).toBe(true);
    const lesson = (opened as { value: LessonView }).value;
    expect(lesson.starter.nodes).toHaveLength(6);

    const run = await host.dispatch('sim:run', { runId: 'a', graph: lesson.starter, scenario: lesson.scenario }, ctx);
    expect(run.ok).toBe(true);
    const { result } = (run as { value: RunDone }).value;
    expect(result.summary.throughput).toBeGreaterThan(0);
    expect(result.summary.latencyP99).toBeGreaterThan(0);
    expect(result.traceHash).toMatch(/^[0-9a-f]+$/);
    expect(events.some((e) => e.event === 'onDidRunProgress')).toBe(true);

    // The same inputs give the same run, in another worker.
    const again = await host.dispatch('sim:run', { runId: 'b', graph: lesson.starter, scenario: lesson.scenario }, ctx);
    expect((again as { value: RunDone }).value.result.traceHash).toBe(result.traceHash);
    host.dispose();
  });

  it('can cancel a long run', async () => {
    const host = createHost({ host: 'web', builtinPackDirs: [PACK_DIR], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-data-')) });
    const ctx = { emit: () => {} };
    const opened = (await host.dispatch('lessons:open', { packId: 'stateless-vs-stateful', lessonId: 'any-instance' }, ctx)) as { value: LessonView };
    const long = { ...opened.value.scenario, durationMs: 3_600_000 };
    const pending = host.dispatch('sim:run', { runId: 'long', graph: opened.value.starter, scenario: long }, ctx);
    await new Promise((r) => setTimeout(r, 300));
    await expect(host.dispatch('sim:cancel', { runId: 'long' }, ctx)).resolves.toEqual({ ok: true, value: { cancelled: true } });
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
    host.dispose();
  });
});
