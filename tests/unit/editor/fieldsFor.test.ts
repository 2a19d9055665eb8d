import { describe, expect, it } from 'vitest';
import { fieldsFor } from '../../../src/renderer/src/properties/fieldsFor';
import { InvalidFields } from '../../../src/renderer/src/properties/invalidFields';
import type { Field } from '../../../src/renderer/src/properties/schemaFields';

/** Every field path the form shows, groups flattened. */
const paths = (fields: Field[]): string[] => fields.flatMap((f) => (f.type === 'group' ? [f.path.join('.'), ...paths(f.fields)] : [f.path.join('.')]));
const shown = (kind: Parameters<typeof fieldsFor>[0], props: unknown) => {
  const form = fieldsFor(kind, props);
  return { main: paths(form.main), advanced: paths(form.advanced) };
};

describe('the fields a node form shows', () => {
  it('a round-robin balancer: no hash, ring, weights or partitions, health check near the top', () => {
    const { main, advanced } = shown('load-balancer', { policy: 'round-robin' });
    for (const hidden of ['hashBy', 'virtualNodes', 'weights', 'partitions', 'ownerRefreshMs']) expect([...main, ...advanced]).not.toContain(hidden);
    expect(main.slice(0, 2)).toEqual(['policy', 'healthCheck']);
    expect(advanced).toEqual(['timeoutMs']);
    // Defaults apply: no policy at all is round robin.
    expect(shown('load-balancer', {}).main).toEqual(main);
  });

  it('each policy brings the fields it uses', () => {
    expect(shown('load-balancer', { policy: 'consistent-hash' }).main).toEqual(expect.arrayContaining(['hashBy', 'virtualNodes']));
    expect(shown('load-balancer', { policy: 'hash-modulo' }).main).toContain('hashBy');
    expect(shown('load-balancer', { policy: 'hash-modulo' }).main).not.toContain('virtualNodes');
    expect(shown('load-balancer', { policy: 'weighted' }).main).toContain('weights');
    expect(shown('load-balancer', { policy: 'partition-aware' }).main).toContain('partitions');
    expect(shown('load-balancer', { policy: 'partition-aware' }).advanced).toContain('ownerRefreshMs');
  });

  it('long-lived connections bring the reconnect policy, and a backoff its times', () => {
    const perRequest = shown('client', {});
    for (const hidden of ['reconnect', 'reconnectBaseMs', 'reconnectMaxMs']) expect([...perRequest.main, ...perRequest.advanced]).not.toContain(hidden);
    expect(shown('client', { connection: 'long-lived' }).main).toEqual(expect.arrayContaining(['connection', 'reconnect', 'reconnectBaseMs']));
    expect(shown('client', { connection: 'long-lived' }).advanced).toContain('reconnectMaxMs');
    expect(shown('client', { connection: 'long-lived', reconnect: 'immediate' }).main).not.toContain('reconnectBaseMs');
    expect(shown('service', {}).advanced).toContain('handshakeMs');
    // Salting the hot key is advanced; who pays for it shows once the key is split.
    expect(shown('client', {}).advanced).toContain('hotKeySalt');
    expect(shown('client', {}).advanced).not.toContain('hotKeySaltFanOut');
    expect(shown('client', { hotKeySalt: 4 }).advanced).toContain('hotKeySaltFanOut');
    expect(shown('load-balancer', { policy: 'partition-aware' }).main).toContain('replicaReads');
    expect(shown('load-balancer', { policy: 'round-robin' }).main).not.toContain('replicaReads');
  });

  it('nested and numeric conditions: zipf skew, retry backoff, recovery, replication lag', () => {
    expect(shown('client', {}).main).not.toContain('keys.skew');
    expect(shown('client', { keys: { distribution: 'zipf' } }).main).toContain('keys.skew');
    expect(shown('client', { retries: 0 }).main).not.toContain('retryBackoffMs');
    expect(shown('client', { retries: 2 }).main).toContain('retryBackoffMs');
    expect(shown('service', {}).main).not.toContain('recoverFrom');
    expect(shown('service', { ownsPartitions: true }).main).toEqual(expect.arrayContaining(['recoverFrom', 'stateLoadMs']));
    expect(shown('service', { ownsPartitions: true, recoverFrom: 'replica' }).main).not.toContain('stateLoadMs');
    expect(shown('database', { replication: 'sync', failover: 'manual' }).main).not.toContain('replicationLagMs');
    expect(shown('database', {}).main).toEqual(expect.arrayContaining(['replicationLagMs', 'failoverAfterMs']));
    expect(shown('database', { replication: 'sync', failover: 'manual' }).main).not.toContain('failoverAfterMs');
    expect(shown('database', {}).main).not.toContain('replicationTimeoutMs');
    expect(shown('database', { replication: 'semi-sync' }).main).toContain('replicationTimeoutMs');
    expect(shown('service', { sessions: 'session-store' }).main).not.toContain('tokenTtlMs');
    expect(shown('service', { sessions: 'signed-token' }).main).toContain('tokenTtlMs');
    expect(shown('service', { sessions: 'signed-token' }).advanced).toContain('tokenBytes');
  });

  it('props the schema refuses hide nothing, so every field can still be fixed', () => {
    const { main, advanced } = shown('load-balancer', { policy: 'round-robin', virtualNodes: -5 });
    expect(main).toEqual(expect.arrayContaining(['virtualNodes', 'weights', 'hashBy']));
    expect(advanced).toContain('timeoutMs');
  });

  it('a service\'s mean service time carries its default (5) and unit (ms) from the group', () => {
    const serviceTime = fieldsFor('service', {}).main.find((f) => f.key === 'serviceTimeMs');
    const mean = serviceTime?.type === 'group' ? serviceTime.fields.find((f) => f.key === 'mean') : undefined;
    expect(mean).toMatchObject({ defaultValue: 5, unit: 'ms' });
    const interval = fieldsFor('load-balancer', {}).main.find((f) => f.key === 'healthCheck');
    expect(interval?.type === 'group' && interval.fields.map((f) => [f.key, f.defaultValue])).toEqual([['intervalMs', 1000], ['unhealthyAfter', 2], ['healthyAfter', 1], ['timeoutMs', 1000]]);
  });
});

describe('Run refuses while a field shows a refused value', () => {
  it('names the first invalid field and its node, focuses it, and lets Run go once it is fixed', () => {
    const invalid = new InvalidFields();
    const focused: string[] = [];
    const key = Symbol('interval');
    expect(invalid.refuse()).toBeUndefined();
    invalid.set(key, { field: 'Interval', owner: 'Load balancer', focus: () => focused.push('interval') });
    expect(invalid.refuse()).toMatch(/^Fix Interval on Load balancer first/);
    expect(focused).toEqual(['interval']);
    invalid.set(key, undefined);
    expect(invalid.refuse()).toBeUndefined();
  });
});
