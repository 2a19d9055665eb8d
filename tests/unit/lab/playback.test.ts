import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim';
import { LiveStore } from '../../../src/renderer/src/lab/liveStore';
import { bucketAt, nextFaultMs, nextStepMs, PlaybackIndex } from '../../../src/renderer/src/lab/playback';
import { chartSet, revealedIndex } from '../../../src/renderer/src/lab/series';

const graph = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/01-any-instance.starter.json', 'utf8'));
const run = simulate(graph, { seed: 7, durationMs: 8000, faults: [{ id: 'crash', atMs: 2000, action: 'crash', target: 'api-2' }] });

describe('playback over a finished run', () => {
  it('shows a crashed node down from the crash on, and up before it', () => {
    const index = new PlaybackIndex(run);
    expect(index.node('api-2', bucketAt(run, 1500))?.isUp).toBe(true);
    expect(index.node('api-2', bucketAt(run, 2500))?.isUp).toBe(false);
    expect(index.node('api-1', bucketAt(run, 2500))?.isUp).toBe(true);
    expect(index.node('nope', 0)).toBeUndefined();
  });

  it('reads edge traffic per second, with the failed share while the balancer still sends to the dead node', () => {
    const index = new PlaybackIndex(run);
    const before = index.edge('lb-api-2', bucketAt(run, 1500))!;
    expect(before.rps).toBeGreaterThan(100);
    expect(before.failedRatio).toBe(0);
    expect(index.edge('lb-api-2', bucketAt(run, 3000))!.failedRatio).toBeGreaterThan(0.5);
  });

  it('steps to the next fault and to the next event or bucket, never past the end', () => {
    expect(nextFaultMs(run, 0)).toBe(2000);
    expect(nextFaultMs(run, 2000)).toBeUndefined();
    expect(nextStepMs(run, 1950)).toBe(2000);
    expect(nextStepMs(run, 2000)).toBe(2000 + run.buckets.bucketMs);
    expect(nextStepMs(run, run.durationMs)).toBe(run.durationMs);
  });

  it('the live store hands a node the same object until its values change, and notifies on a new bucket only', () => {
    const store = new LiveStore();
    let notified = 0;
    store.subscribe(() => notified++);
    store.show(run, bucketAt(run, 1000), 1);
    const a = store.node('api-2');
    store.show(run, bucketAt(run, 1000), 1);
    expect(notified).toBe(1);
    expect(store.node('api-2')).toBe(a);
    store.show(run, bucketAt(run, 5000), 1);
    expect(store.node('api-2')).not.toBe(a);
    expect(store.node('api-2')?.isUp).toBe(false);
    expect(store.isShowingRequests()).toBe(true);
    store.show(run, bucketAt(run, 5000), 20);
    expect(store.isShowingRequests()).toBe(false);
  });

  it('charts reveal error rate up to the cursor: a third fail after the crash, none before', () => {
    const set = chartSet(run);
    const errors = set.charts.find((c) => c.id === 'errorRate')!.series[0]!.values;
    expect(errors[1]).toBe(0);
    expect(errors[3]!).toBeGreaterThan(0.2);
    expect(revealedIndex(set, 3500)).toBe(3);
    expect(set.charts.map((c) => c.id)).toEqual(expect.arrayContaining(['throughput', 'errorRate', 'latency', 'lbShare']));
  });
});
