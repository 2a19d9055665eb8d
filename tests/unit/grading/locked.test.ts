import { describe, expect, it } from 'vitest';
import { enforceLocked } from '../../../src/main/grading/locked';
import type { Graph } from '../../../src/shared/graph';

const node = (id: string, props: Record<string, unknown>) => ({ id, kind: 'client' as const, label: id, position: { x: 0, y: 0 }, props });
const starter: Graph = {
  format: 'statelab.graph',
  version: 1,
  nodes: [node('users', { rps: 600 }), node('free', { rps: 5 }), { ...node('api-2', { sessions: 'local-memory' }), kind: 'service' }],
  edges: [],
};

describe('locked nodes', () => {
  it('lets unlocked nodes change', () => {
    const edited = { ...starter, nodes: [starter.nodes[0]!, node('free', { rps: 1 }), starter.nodes[2]!] };
    expect(enforceLocked(edited, starter, ['users', 'api-2'])).toEqual({ graph: edited, notes: [] });
  });

  it('restores the props of any locked node, not only clients', () => {
    const api = { ...starter.nodes[2]!, props: { sessions: 'session-store' } };
    const result = enforceLocked({ ...starter, nodes: [starter.nodes[0]!, api] }, starter, ['api-2']);
    expect(result.graph.nodes[1]?.props).toEqual({ sessions: 'local-memory' });
    expect(result.notes).toEqual(['Locked node "api-2" was changed; graded with the lesson\'s settings for it.']);
  });

  it('restores a changed or deleted locked node and says so, keeping where the student put it', () => {
    const moved = { ...node('users', { rps: 1 }), position: { x: 50, y: 50 } };
    const changed = enforceLocked({ ...starter, nodes: [moved, starter.nodes[2]!] }, starter, ['users']);
    expect(changed.graph.nodes[0]).toEqual({ ...moved, props: { rps: 600 } });
    expect(changed.notes).toEqual(['Locked node "users" was changed; graded with the lesson\'s settings for it.']);
    const deleted = enforceLocked({ ...starter, nodes: [] }, starter, ['users']);
    expect(deleted.graph.nodes.map((n) => n.id)).toEqual(['users']);
    const retyped = enforceLocked({ ...starter, nodes: [{ ...starter.nodes[2]!, kind: 'cache' }] }, starter, ['api-2']);
    expect(retyped.graph.nodes[0]?.kind).toBe('service');
    expect(deleted.notes).toEqual(['Locked node "users" was missing; graded with the lesson\'s "users" restored.']);
  });
});
