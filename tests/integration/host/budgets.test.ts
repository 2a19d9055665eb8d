/**
 * Runs are bounded and cancellable through the host: the event budget reaches the caller as a
 * message, a caller that goes away stops its worker, a burst of runs queues with positions, and
 * a run past its wall-clock budget is stopped.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import { runInWorker } from '../../../src/main/workers/jobs';
import { liveWorkerCount, startWorker } from '../../../src/main/workers/pool';
import type { Graph } from '../../../src/shared/graph';
import type { LessonView } from '../../../src/shared/ipc';
import type { Scenario } from '../../../src/shared/scenario';
import { waitFor } from '../../support/waitFor';

const PACK_DIR = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');
type Progress = { runId: string; fraction: number; queuePosition?: number };

const newHost = (maxConcurrentJobs?: number) =>
  createHost({ host: 'web', builtinPackDirs: [PACK_DIR], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-data-')), ...(maxConcurrentJobs ? { maxConcurrentJobs } : {}) });

async function lesson(host: ReturnType<typeof newHost>): Promise<LessonView> {
  const opened = await host.dispatch('lessons:open', { packId: 'stateless-vs-stateful', lessonId: 'any-instance' }, { emit: () => {} });
  return (opened as { value: LessonView }).value;
}
/** An hour of the first lesson: millions of events, many seconds of work. */
const long = (view: LessonView): Scenario => ({ ...view.scenario, durationMs: 3_600_000 });
const flooded = (graph: Graph): Graph => ({ ...graph, nodes: graph.nodes.map((n) => (n.kind === 'client' ? { ...n, props: { ...n.props, rps: 1_000_000 } } : n)) });

let hosts: ReturnType<typeof newHost>[] = [];
afterEach(async () => {
  for (const h of hosts) h.dispose();
  hosts = [];
  await waitFor(() => liveWorkerCount() === 0);
});

describe('run budgets through the host', () => {
  it('answers a design at 1,000,000 rps with the event-budget message, and its worker is gone', async () => {
    const host = newHost();
    hosts.push(host);
    const view = await lesson(host);
    const started = Date.now();
    const result = await host.dispatch('sim:run', { runId: 'flood', graph: flooded(view.starter), scenario: view.scenario }, { emit: () => {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-document', message: "This design generates more than 5,000,000 events; reduce the request rate or the run's duration.", key: 'sim.eventBudget' } });
    expect(Date.now() - started).toBeLessThan(60_000); // about 3 s on an idle machine; the run itself would take minutes
    await waitFor(() => liveWorkerCount() === 0);
  }, 120_000);

  it('stops the worker of a run, an event search and a grading whose caller went away, and of a cancelled run', async () => {
    const host = newHost();
    hosts.push(host);
    const view = await lesson(host);
    const calls: [string, unknown][] = [
      ['sim:run', { runId: 'gone', graph: view.starter, scenario: long(view) }],
      ['sim:events', { graph: view.starter, scenario: long(view), fromMs: 3_500_000, count: 5 }],
      ['lessons:grade', { packId: 'stateless-vs-stateful', lessonId: 'any-instance', graph: flooded(view.starter), answers: {} }],
    ];
    for (const [channel, payload] of calls) {
      const caller = new AbortController();
      const pending = host.dispatch(channel, payload, { emit: () => {}, signal: caller.signal });
      await waitFor(() => liveWorkerCount() === 1);
      await new Promise((r) => setTimeout(r, 300));
      caller.abort();
      await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
      await waitFor(() => liveWorkerCount() === 0, 5000);
    }
    // sim:cancel stops the worker the same way.
    const pending = host.dispatch('sim:run', { runId: 'cancelled', graph: view.starter, scenario: long(view) }, { emit: () => {} });
    await waitFor(() => liveWorkerCount() === 1);
    await expect(host.dispatch('sim:cancel', { runId: 'cancelled' }, { emit: () => {} })).resolves.toEqual({ ok: true, value: { cancelled: true } });
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await waitFor(() => liveWorkerCount() === 0, 5000);
  }, 120_000);

  it('runs at most the configured number at once; the rest wait with their position and start in turn', async () => {
    const host = newHost(1);
    hosts.push(host);
    const view = await lesson(host);
    const progress: Progress[] = [];
    const ctx = { emit: (_: string, p: unknown) => void progress.push(p as Progress) };
    const first = host.dispatch('sim:run', { runId: 'first', graph: view.starter, scenario: long(view) }, ctx);
    const second = host.dispatch('sim:run', { runId: 'second', graph: view.starter, scenario: long(view) }, ctx);
    const third = host.dispatch('sim:run', { runId: 'third', graph: view.starter, scenario: view.scenario }, ctx);
    await waitFor(() => progress.some((p) => p.runId === 'third' && p.queuePosition === 2));
    expect(progress.filter((p) => p.runId === 'second')).toEqual([{ runId: 'second', fraction: 0, queuePosition: 1 }]);
    await waitFor(() => progress.some((p) => p.runId === 'first' && p.fraction > 0));
    expect(liveWorkerCount()).toBe(1);

    // Cancelling a queued run takes it out of the queue; the one behind moves up.
    await expect(host.dispatch('sim:cancel', { runId: 'second' }, ctx)).resolves.toEqual({ ok: true, value: { cancelled: true } });
    await expect(second).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await waitFor(() => progress.some((p) => p.runId === 'third' && p.queuePosition === 1));
    expect(progress.some((p) => p.runId === 'second' && p.queuePosition === undefined)).toBe(false);

    // When the running one ends, the next starts (a progress event without a position) and finishes.
    await host.dispatch('sim:cancel', { runId: 'first' }, ctx);
    await expect(first).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await expect(third).resolves.toMatchObject({ ok: true });
    expect(progress.some((p) => p.runId === 'third' && p.queuePosition === undefined)).toBe(true);
  }, 90_000);

  it('stops a run past its wall-clock budget with a message', async () => {
    const host = newHost();
    hosts.push(host);
    const view = await lesson(host);
    const job = runInWorker(view.starter, long(view), { wallClockMs: 2000, maxEvents: 1e9 }, () => {});
    await expect(job.result).rejects.toThrow("The run took longer than 2 s, its time limit; reduce the request rate or the run's duration.");
    await waitFor(() => liveWorkerCount() === 0, 5000);
  }, 30_000);

  it('gives every worker a bounded heap', async () => {
    const worker = startWorker('simJob', { graph: { nodes: [], edges: [] }, scenario: { seed: 1, durationMs: 1, faults: [] }, maxEvents: 10 });
    expect(worker.resourceLimits?.maxOldGenerationSizeMb).toBe(512);
    await worker.terminate();
  });
});
