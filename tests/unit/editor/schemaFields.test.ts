import { describe, expect, it } from 'vitest';
import { fieldsOf, labelOf, unitOf, withValue } from '../../../src/renderer/src/properties/schemaFields';
import { RESOURCES } from '../../../src/renderer/src/i18n/resources';
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

describe('the English properties panel reads words, not ids', () => {
  // A student walk found "signed-token", "local-memory", "partition-aware" in the English dropdowns
  // (the Chinese had words) and a "Non owner" label that read as a typo.
  const en = RESOURCES.en.domain as { props: Record<string, Record<string, { label: string; options?: Record<string, string> }>> };
  it('shows every enum option of every kind by a word, and the setting about keys an owner does not own by what it is', () => {
    expect(en.props.service!.sessions!.options).toMatchObject({ 'local-memory': 'Local memory', 'signed-token': 'Signed token', 'session-store': 'Session store' });
    expect(en.props['load-balancer']!.policy!.options!['partition-aware']).toBe('Partition-aware');
    expect(en.props.service!.nonOwner!.label).toBe('Keys it does not own');
    const ids: string[] = [];
    const walk = (tree: Record<string, unknown>) => {
      for (const value of Object.values(tree)) {
        if (typeof value !== 'object' || value === null) continue;
        const options = (value as { options?: Record<string, string> }).options;
        if (options) for (const [id, word] of Object.entries(options)) if (word === id && /[a-z]/.test(id)) ids.push(id);
        walk(value as Record<string, unknown>);
      }
    };
    walk(en.props);
    expect(ids).toEqual([]);
  });
});
