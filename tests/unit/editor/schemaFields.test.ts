import { describe, expect, it } from 'vitest';
import { fieldsOf, labelOf, unitOf, withValue } from '../../../src/renderer/src/properties/schemaFields';
import { EdgePropsSchema } from '../../../src/shared/graph';
import { LoadBalancerPropsSchema, NODE_PROPS_SCHEMAS, ServicePropsSchema, parseNodeProps } from '../../../src/shared/nodeProps';

describe('property forms from schemas', () => {
  it('gives every field of every kind a form control', () => {
    for (const [kind, schema] of Object.entries(NODE_PROPS_SCHEMAS)) {
      const unsupported = fieldsOf(schema).filter((f) => f.type === 'unsupported').map((f) => `${kind}.${f.key}`);
      expect(unsupported).toEqual([]);
    }
    const weights = fieldsOf(LoadBalancerPropsSchema).find((f) => f.key === 'weights');
    expect(weights).toMatchObject({ type: 'record', item: { type: 'number', min: 0, max: 1000 } });
  });

  it('reads ranges, defaults, units and descriptions', () => {
    const workers = fieldsOf(ServicePropsSchema).find((f) => f.key === 'workers');
    expect(workers).toMatchObject({ type: 'number', min: 1, max: 1024, isInt: true, defaultValue: 8, description: 'Requests processed concurrently' });
    const startup = fieldsOf(ServicePropsSchema).find((f) => f.key === 'startupMs');
    expect(startup).toMatchObject({ label: 'Startup', unit: 'ms' });
    const policy = fieldsOf(LoadBalancerPropsSchema).find((f) => f.key === 'policy');
    expect(policy).toMatchObject({ type: 'enum', defaultValue: 'round-robin' });
    expect(policy?.type === 'enum' && policy.options).toContain('sticky');
    expect(fieldsOf(EdgePropsSchema).map((f) => [f.key, f.unit])).toEqual([['latencyMs', 'ms'], ['jitterMs', 'ms'], ['lossRate', '0–1']]);
    expect([labelOf('capacityRps'), unitOf('capacityRps')]).toEqual(['Capacity', 'req/s']);
    // Lesson 16 names the field a student changes as the form shows it: *Token TTL*.
    expect([labelOf('tokenTtlMs'), labelOf('leaseTtlMs'), labelOf('ttlMs')]).toEqual(['Token TTL', 'Lease TTL', 'TTL']);
  });

  it('edits a service time given as a bare number through its object form', () => {
    const serviceTime = fieldsOf(ServicePropsSchema).find((f) => f.key === 'serviceTimeMs');
    expect(serviceTime).toMatchObject({ type: 'group', numberMeans: 'mean' });
    const next = withValue({ serviceTimeMs: 5 }, ['serviceTimeMs', 'distribution'], 'constant', 'mean');
    expect(next).toEqual({ serviceTimeMs: { mean: 5, distribution: 'constant' } });
    expect(parseNodeProps('service', next).ok).toBe(true);
  });

  it('removing a value falls back to the default', () => {
    expect(withValue({ workers: 3, state: 'stateful' }, ['workers'], undefined)).toEqual({ state: 'stateful' });
  });
});
