import { describe, expect, it } from 'vitest';
import { checkConnection, connectionTable } from '../../../src/shared/connections';
import type { Graph, NodeKind } from '../../../src/shared/graph';

const node = (id: string, kind: NodeKind) => ({ id, kind, label: id, position: { x: 0, y: 0 }, props: {} });
const graph: Pick<Graph, 'nodes' | 'edges'> = {
  nodes: [node('c', 'client'), node('lb', 'load-balancer'), node('s', 'service'), node('db', 'database'), node('db2', 'database'), node('cache', 'cache'), node('ss', 'session-store')],
  edges: [{ id: 'e1', source: 'c', target: 'lb', kind: 'request', props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } }],
};

describe('connection rules', () => {
  it('accepts the request path of a web tier', () => {
    expect(checkConnection(graph, 'lb', 's', 'request')).toEqual({ ok: true });
    expect(checkConnection(graph, 's', 'db', 'request')).toEqual({ ok: true });
    expect(checkConnection(graph, 's', 'ss', 'request')).toEqual({ ok: true });
    expect(checkConnection(graph, 'cache', 'db', 'request')).toEqual({ ok: true });
  });

  it('refuses a database sending requests to a client, with a reason', () => {
    const verdict = checkConnection(graph, 'db', 'c', 'request');
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/client/), refusal: 'toClient' });
  });

  it('refuses a database calling another database and points to replication', () => {
    const verdict = checkConnection(graph, 'db', 'db2', 'request');
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(/only answers requests.*replication/);
  });

  it('refuses replication between different kinds and allows it between databases', () => {
    const verdict = checkConnection(graph, 'db', 's', 'replication');
    expect(!verdict.ok && verdict.reason).toBe('Replication links two nodes of the same kind; this is database → service.');
    expect(checkConnection(graph, 'db', 'db2', 'replication')).toEqual({ ok: true });
    expect(checkConnection({ ...graph, edges: [{ ...graph.edges[0]!, source: 'db2', target: 'db', kind: 'replication' }] }, 'db', 'db2', 'replication').ok).toBe(false);
  });

  it('refuses self loops and duplicates', () => {
    expect(checkConnection(graph, 's', 's', 'request').ok).toBe(false);
    const dup = checkConnection(graph, 'c', 'lb', 'request');
    expect(!dup.ok && dup.reason).toMatch(/already connected/);
  });

  it('never lets anything send requests to a client, and every refusal has a sentence', () => {
    const table = connectionTable('request');
    for (const { to, verdict } of table.filter((row) => row.to === 'client')) expect(verdict.ok, to).toBe(false);
    for (const { verdict } of [...table, ...connectionTable('replication')]) {
      if (!verdict.ok) expect(verdict.reason).toMatch(/^[A-Z].*\.$/);
    }
  });
});
