import { describe, expect, it } from 'vitest';
import { freshLabel } from '../../../src/renderer/src/editor/ids';
import { checkConnection, connectionTable } from '../../../src/shared/connections';
import { NODE_KINDS, type NodeKind } from '../../../src/shared/graph';
import { NODE_KIND_SPECS } from '../../../src/shared/nodeKinds';
import { parseNodeProps } from '../../../src/shared/nodeProps';

const nodesOf = (a: NodeKind, b: NodeKind) => ({ nodes: [{ id: 'a', kind: a, label: 'A' }, { id: 'b', kind: b, label: 'B' }] as never, edges: [] });

describe('the node-kind descriptors', () => {
  it.each(NODE_KINDS)('%s: its label names new nodes and its props schema gives the defaults', (kind) => {
    const spec = NODE_KIND_SPECS[kind];
    expect(freshLabel(kind, new Set())).toBe(spec.isNumbered ? `${spec.label} 1` : spec.label);
    expect(freshLabel(kind, new Set([spec.label, `${spec.label} 1`]))).toBe(`${spec.label} 2`);
    expect(parseNodeProps(kind, {}).ok).toBe(true);
    expect(spec.props.safeParse({}).success).toBe(true);
  });

  it('the connection rule allows exactly the request targets and replicating kinds the descriptors list', () => {
    for (const { from, to, verdict } of connectionTable('request')) expect([from, to, verdict.ok]).toEqual([from, to, (NODE_KIND_SPECS[from].sendsRequestsTo as readonly NodeKind[]).includes(to)]);
    for (const { from, to, verdict } of connectionTable('replication')) expect([from, to, verdict.ok]).toEqual([from, to, from === to && NODE_KIND_SPECS[from].canReplicate]);
  });

  it('refusals name kinds by their one label, lower-cased', () => {
    expect(checkConnection(nodesOf('load-balancer', 'database'), 'a', 'b', 'request')).toMatchObject({ ok: false, reason: 'A load balancer does not send requests to a database.' });
    expect(checkConnection(nodesOf('session-store', 'database'), 'a', 'b', 'replication')).toMatchObject({ ok: false, reason: 'Replication links two nodes of the same kind; this is session store → database.' });
  });
});
