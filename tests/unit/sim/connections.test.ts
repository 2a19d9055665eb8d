/**
 * Long-lived connections (WebSocket-style): each user's connection is pinned to the instance the
 * balancer chose; its messages go there; when that instance stops, exactly its connections drop,
 * and the clients reconnect by their policy. Immediate reconnects of users dropped together are a
 * storm on the servers left; a jittered backoff spreads them.
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import type { Scenario } from '../../../src/shared/scenario';
import { tier } from './helpers';

const chat = (client: Record<string, unknown> = {}) => {
  const g = tier({
    services: 3,
    client: { users: 3000, rps: 600, timeoutMs: 10_000, connection: 'long-lived', ...client },
    service: { workers: 4, queueLimit: 100, handshakeMs: 10 },
  });
  g.edges[0]!.props.latencyMs = 20;
  return g;
};
const crashAt4s: Scenario = { seed: 3, durationMs: 12_000, faults: [{ id: 'crash', atMs: 4000, action: 'crash', target: 'api-2' }] };
const before = { fromMs: 3000, toMs: 4000 };
const storm = { fromMs: 4000, toMs: 9000 };

describe('long-lived connections', () => {
  it('a crash drops exactly the connections its instance held, and their users reconnect', () => {
    const run = simulate(chat(), crashAt4s);
    const held = ['api-1', 'api-2', 'api-3'].map((id) => readMetric(run, 'connectionsOpen', before, id));
    // Every user is connected, about a third to each instance.
    expect(held.reduce((a, b) => a + b, 0)).toBe(3000);
    for (const h of held) expect(h).toBeGreaterThan(900);
    expect(readMetric(run, 'connectionsDropped', storm, 'api-2')).toBe(held[1]);
    expect(readMetric(run, 'connectionsDropped', storm, 'api-1') + readMetric(run, 'connectionsDropped', storm, 'api-3')).toBe(0);
    expect(run.events.find((e) => e.kind === 'connections-dropped')).toMatchObject({ node: 'api-2', value: held[1] });
    // Each dropped user got a connection back, on one of the two instances left.
    expect(run.summary.reconnects).toBe(held[1]);
    expect(readMetric(run, 'connectionsOpen', { fromMs: 11_000, toMs: 12_000 })).toBe(3000);
    expect(readMetric(run, 'connectionsOpen', { fromMs: 11_000, toMs: 12_000 }, 'api-2')).toBe(0);
  });

  it('messages stay on their connection: a restarted instance gets no messages until users connect to it', () => {
    const restart: Scenario = { seed: 4, durationMs: 10_000, faults: [{ id: 'crash', atMs: 2000, action: 'crash', target: 'api-2' }, { id: 'back', atMs: 4000, action: 'restart', target: 'api-2' }] };
    const after = { fromMs: 7000, toMs: 10_000 };
    const pinned = simulate(chat(), restart);
    const perRequest = simulate(chat({ connection: 'request' }), restart);
    // Per request, round-robin gives the restarted instance its third again; connections stay where they are.
    expect(readMetric(perRequest, 'requests', after, 'api-2') / readMetric(perRequest, 'requests', after)).toBeGreaterThan(0.25);
    expect(readMetric(pinned, 'requests', after, 'api-2')).toBe(0);
    expect(readMetric(pinned, 'errorRate', after)).toBe(0);
  });

  it('immediate reconnects are a storm on the survivors; a jittered backoff spreads them', () => {
    const immediate = simulate(chat({ reconnect: 'immediate' }), crashAt4s);
    const jittered = simulate(chat({ reconnect: 'backoff-jitter', reconnectBaseMs: 4000 }), crashAt4s);
    // Users whose connection never dropped feel the storm: their messages queue behind handshakes or are refused.
    expect(readMetric(immediate, 'errorRate', storm)).toBeGreaterThan(0.015);
    expect(readMetric(jittered, 'errorRate', storm)).toBeLessThan(0.005);
    const firstSecond = { fromMs: 4000, toMs: 5000 };
    expect(readMetric(immediate, 'queueWaitMs', firstSecond, 'api-1')).toBeGreaterThan(5 * readMetric(jittered, 'queueWaitMs', firstSecond, 'api-1'));
    expect(immediate.summary.connectionErrors).toBeGreaterThan(20 * jittered.summary.connectionErrors);
    // The price of waiting: the jittered users are offline longer.
    expect(jittered.summary.reconnectTimeMs!).toBeGreaterThan(immediate.summary.reconnectTimeMs!);
  });

  it('a backoff without jitter brings the dropped users back together, wave after wave', () => {
    const lockstep = simulate(chat({ reconnect: 'backoff', reconnectBaseMs: 2000 }), crashAt4s);
    const jittered = simulate(chat({ reconnect: 'backoff-jitter', reconnectBaseMs: 2000 }), crashAt4s);
    expect(lockstep.summary.connectionErrors).toBeGreaterThan(3 * jittered.summary.connectionErrors);
    expect(lockstep.summary.reconnectTimeMs!).toBeGreaterThan(jittered.summary.reconnectTimeMs!);
  });

  it('a pause keeps connections open; a rolling deploy drops each instance’s in turn', () => {
    const pause = simulate(chat(), { seed: 5, durationMs: 6000, faults: [{ id: 'gc', atMs: 2000, action: 'pause', target: 'api-1', params: { durationMs: 500 } }] });
    expect(pause.summary.connectionsDropped).toBe(0);
    const deploy = simulate(chat(), { seed: 5, durationMs: 30_000, faults: [{ id: 'deploy', atMs: 2000, action: 'rolling-deploy', target: 'lb', params: { batchSize: 1 } }] });
    expect(deploy.events.filter((e) => e.kind === 'connections-dropped').length).toBe(3);
    expect(deploy.summary.reconnects).toBe(deploy.summary.connectionsDropped);
  });

  it('is deterministic: the same seed gives the same run, the policy changes it', () => {
    const a = simulate(chat({ reconnect: 'backoff-jitter' }), crashAt4s);
    const b = simulate(chat({ reconnect: 'backoff-jitter' }), crashAt4s);
    const c = simulate(chat({ reconnect: 'immediate' }), crashAt4s);
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.summary).toEqual(a.summary);
    expect(c.traceHash).not.toBe(a.traceHash);
    // The policy draws its jitter on a stream of its own: before the crash the runs are the same.
    expect(readMetric(c, 'requests', { fromMs: 0, toMs: 4000 })).toBe(readMetric(a, 'requests', { fromMs: 0, toMs: 4000 }));
  });
});
