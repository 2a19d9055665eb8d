/**
 * Lost connection openings (the scenario noise's `handshakeLoss`, src/main/sim/noise.ts and
 * probes.ts). Each health probe opens a new connection; an opening the network loses is sent again
 * after TCP's retry wait (1 s), past a probe timeout shorter than that, so a healthy target fails
 * one probe now and then. A detector that takes a target out after one failed probe misfires; one
 * that waits for two or three rides it out; requests, on connections already open, never pay it.
 * A long-lived connection's reconnect is a new connection too (nodes/clientConnections.ts): after a
 * crash each dropped user's opening may be lost and comes a second later; the connections that
 * exist before the run pay nothing.
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate, type RunResult } from '../../../src/main/sim';
import type { Scenario } from '../../../src/shared/scenario';
import { ScenarioSchema } from '../../../src/shared/scenario';
import { tier } from './helpers';

const lossy = (probability: number): NonNullable<Scenario['noise']> => ({ pauses: {}, handshakeLoss: { probability, retryMs: 1000 } });
/** Four stateless instances behind a round-robin balancer probing every 500 ms. */
const design = (healthCheck: Record<string, number>) => tier({ services: 4, lb: { healthCheck: { intervalMs: 500, timeoutMs: 500, ...healthCheck } } });
const SEEDS = [1, 2, 3] as const;
const detections = (run: RunResult) => run.events.filter((e) => e.kind === 'failure-detected');

describe('health probes pay lost connection openings', () => {
  it('a threshold of one failed probe takes healthy instances out; two or three ride the lost openings out', () => {
    let misfires = 0;
    for (const seed of SEEDS) {
      const scenario: Scenario = { seed, durationMs: 30_000, noise: lossy(0.03) };
      const one = simulate(design({ unhealthyAfter: 1 }), scenario);
      // Nothing crashed or paused: every instance the quick detector took out was healthy.
      expect(detections(one).every((e) => e.message.includes('false suspicion')), `seed ${seed}`).toBe(true);
      expect(one.summary.flaps).toBe(one.summary.falseSuspicions);
      misfires += one.summary.falseSuspicions;
      for (const unhealthyAfter of [2, 3]) expect(simulate(design({ unhealthyAfter }), scenario).summary.falseSuspicions, `seed ${seed}, threshold ${unhealthyAfter}`).toBe(0);
    }
    // About 3% of ~240 probes a run are lost: several misfires on every seed, not a fluke.
    expect(misfires).toBeGreaterThan(3 * SEEDS.length);
  });

  it('without lost openings the same one-failure detector suspects no one', () => {
    for (const seed of SEEDS) expect(simulate(design({ unhealthyAfter: 1 }), { seed, durationMs: 30_000 }).summary.falseSuspicions).toBe(0);
  });

  it('a probe timeout longer than the retry wait rides a lost opening out, even at one failure', () => {
    const slow = (timeoutMs: number) => tier({ services: 8, lb: { healthCheck: { intervalMs: 2000, timeoutMs, unhealthyAfter: 1 } } });
    let short = 0;
    // 1%: an opening lost twice (waiting 1 + 2 s, past even 1.5 s) is a hundred times rarer still.
    for (const seed of SEEDS) {
      const scenario: Scenario = { seed, durationMs: 30_000, noise: lossy(0.01) };
      expect(simulate(slow(1500), scenario).summary.falseSuspicions, `seed ${seed}`).toBe(0);
      short += simulate(slow(500), scenario).summary.falseSuspicions;
    }
    expect(short).toBeGreaterThan(0);
  });

  it('requests ride connections already open: the users see exactly the same run', () => {
    // A threshold no lost opening reaches, so the balancer's view never changes.
    const g = design({ unhealthyAfter: 100 });
    const quiet = simulate(g, { seed: 5, durationMs: 10_000 });
    const noisy = simulate(g, { seed: 5, durationMs: 10_000, noise: lossy(0.3) });
    expect(noisy.traceHash).not.toBe(quiet.traceHash);
    for (const m of ['requests', 'ok', 'failed', 'latencyP99', 'latencyMax'] as const) expect(noisy.summary[m], m).toBe(quiet.summary[m]);
  });

  it('a huge threshold is still slow to see a real crash, and a small one quick, under the same noise', () => {
    const crash: Scenario = { seed: 1, durationMs: 20_000, noise: lossy(0.03), faults: [{ atMs: 2000, action: 'crash', target: 'api-1' }] };
    const seenAt = (unhealthyAfter: number) => {
      const run = simulate(design({ unhealthyAfter }), crash);
      return { atMs: detections(run).find((e) => e.node === 'api-1')?.atMs ?? Infinity, run };
    };
    const huge = seenAt(20);
    // Twenty refused probes, 500 ms apart: the users keep being sent to the dead instance meanwhile.
    expect(huge.atMs).toBeGreaterThanOrEqual(2000 + 20 * 500 - 500);
    expect(huge.run.summary.failed).toBeGreaterThan(500);
    const two = seenAt(2);
    // Two refusals (a lost opening to the dead host may delay one by its retry wait).
    expect(two.atMs).toBeLessThan(2000 + 2 * 500 + 1000 + 500);
    expect(two.run.summary.failed).toBeLessThan(huge.run.summary.failed / 3);
    expect(two.run.summary.falseSuspicions).toBe(0);
  });

  it('is deterministic: the same seed gives the same run', () => {
    const scenario: Scenario = { seed: 9, durationMs: 8000, noise: lossy(0.05) };
    expect(simulate(design({ unhealthyAfter: 1 }), scenario).traceHash).toBe(simulate(design({ unhealthyAfter: 1 }), scenario).traceHash);
  });

  it('the scenario refuses a loss rate past its bound, naming the field', () => {
    const parsed = ScenarioSchema.safeParse({ seed: 1, durationMs: 1000, noise: { handshakeLoss: { probability: 0.9, retryMs: 1000 } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['noise', 'handshakeLoss', 'probability']);
  });
});

describe('reconnections pay lost openings; connections open before the run do not', () => {
  /**
   * 3000 chat users on long-lived connections to three instances; api-2 crashes at 4 s, dropping its
   * third. The balancer's probes wait 1.5 s, so one lost opening (1 s) does not fail them: what the
   * users see is the reconnections' price alone.
   */
  const chat = (client: Record<string, unknown>) =>
    tier({ services: 3, client: { users: 3000, rps: 600, connection: 'long-lived', reconnect: 'backoff-jitter', reconnectBaseMs: 1000, ...client }, lb: { healthCheck: { intervalMs: 2000, timeoutMs: 1500, unhealthyAfter: 2 } }, service: { workers: 4, queueLimit: 100 } });
  const crash = (noise?: Scenario['noise']): Scenario => ({ seed: 3, durationMs: 20_000, faults: [{ id: 'crash', atMs: 4000, action: 'crash', target: 'api-2' }], ...(noise ? { noise } : {}) });
  const beforeCrash = { fromMs: 0, toMs: 4000 };

  it('a dropped user whose opening is lost is offline a second longer; before the crash nothing changes', () => {
    const g = chat({ timeoutMs: 10_000 });
    const quiet = simulate(g, crash());
    const lost = simulate(g, crash(lossy(0.2)));
    // The users connected at the start rode no handshake: the same messages, the same answers.
    for (const m of ['requests', 'ok', 'failed', 'connectionErrors'] as const) expect(readMetric(lost, m, beforeCrash), m).toBe(readMetric(quiet, m, beforeCrash));
    // Every dropped user came back either way (a 10 s timeout outlasts any retry wait here)…
    expect(lost.summary.reconnects).toBe(quiet.summary.reconnects);
    expect(quiet.summary.reconnects).toBeGreaterThan(900);
    // …but a fifth of them a second (or, lost twice, three) later: about 0.3 s more on average.
    expect(lost.summary.reconnectTimeMs!).toBeGreaterThan(quiet.summary.reconnectTimeMs! + 150);
  });

  it('an attempt whose opening waits past the client\'s timeout fails and is tried again', () => {
    const g = chat({ timeoutMs: 500 });
    const quiet = simulate(g, crash());
    const lost = simulate(g, crash(lossy(0.2)));
    // Both runs send some attempts to the dead instance before the balancer sees it (refused at once);
    // the lost openings add about one failed attempt for every fifth reconnecting user.
    expect(lost.summary.connectionErrors).toBeGreaterThan(quiet.summary.connectionErrors + 100);
    // Tried again by the policy, nearly everyone is back by the end (an unlucky few lost several in a row and back off longer).
    expect(readMetric(lost, 'connectionsOpen', { fromMs: 19_000, toMs: 20_000 })).toBeGreaterThan(0.99 * 3000);
  });
});
