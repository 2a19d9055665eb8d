import { describe, expect, it } from 'vitest';
import { FRAME_NOTES_MAX, holdFrame, usersView } from '../../../src/main/grading/frame';
import { readMetric } from '../../../src/shared/metrics/read';
import type { Graph, GraphNode, NodeKind } from '../../../src/shared/graph';
import { LESSON_VERSION, LessonSchema, type Lesson } from '../../../src/shared/lesson';
import type { RunResult } from '../../../src/shared/metrics';

const node = (id: string, kind: NodeKind, props: Record<string, unknown> = {}): GraphNode => ({ id, kind, label: id, position: { x: 0, y: 0 }, props });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, kind: 'request' as const, props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } });
const graphOf = (nodes: GraphNode[], edges: Graph['edges'] = []): Graph => ({ format: 'statelab.graph', version: 1, nodes, edges });

const starter = graphOf(
  [node('users', 'client', { rps: 600, users: 1000 }), node('lb', 'load-balancer'), node('api-2', 'service', { sessions: 'local-memory' }), node('db', 'database')],
  [edge('users', 'lb'), edge('lb', 'api-2'), edge('api-2', 'db')],
);
const lessonWith = (fields: Partial<Lesson> = {}): Lesson =>
  LessonSchema.parse({ format: 'statelab.lesson', version: LESSON_VERSION, id: 'l', title: { en: 'L' }, starter: 'g.json', scenario: { seed: 1, durationMs: 1000 }, ...fields });
const lesson = lessonWith({ locked: ['api-2'], palette: ['load-balancer', 'service', 'database'] });
const replace = (graph: Graph, id: string, change: Partial<GraphNode>): Graph => ({ ...graph, nodes: graph.nodes.map((n) => (n.id === id ? { ...n, ...change } : n)) });

describe('the lesson frame: locked nodes', () => {
  it('lets the student change what is not locked, and changes nothing then', () => {
    const edited = replace(starter, 'lb', { props: { policy: 'round-robin' } });
    expect(holdFrame(edited, starter, lesson)).toEqual({ graph: edited, notes: [], noteKeys: [], users: new Set(['users']) });
  });

  it("keeps how an unlocked client reconnects (the design's), but puts its traffic back", () => {
    const edited = replace(starter, 'users', { props: { rps: 5, users: 1000, reconnect: 'backoff-jitter', reconnectBaseMs: 4000 } });
    const result = holdFrame(edited, starter, lesson);
    expect(result.graph.nodes[0]!.props).toEqual({ rps: 600, users: 1000, reconnect: 'backoff-jitter', reconnectBaseMs: 4000 });
    expect(result.notes).toEqual(['The lesson\'s client "users" is part of the exercise; its rps was put back to the lesson\'s before grading.']);
    // Only the reconnect policy changed: nothing to put back.
    const policyOnly = replace(starter, 'users', { props: { rps: 600, users: 1000, reconnect: 'immediate' } });
    expect(holdFrame(policyOnly, starter, lesson)).toEqual({ graph: policyOnly, notes: [], noteKeys: [], users: new Set(['users']) });
    // A locked client keeps nothing of the student's.
    expect(holdFrame(edited, starter, lessonWith({ locked: ['users'] })).graph.nodes[0]!.props).toEqual({ rps: 600, users: 1000 });
  });

  it('restores the props of any locked node, not only clients', () => {
    const result = holdFrame(replace(starter, 'api-2', { props: { sessions: 'session-store' } }), starter, lesson);
    expect(result.graph.nodes.find((n) => n.id === 'api-2')?.props).toEqual({ sessions: 'local-memory' });
    expect(result.notes).toEqual(['Locked node "api-2" was changed; graded with the lesson\'s settings for it.']);
  });

  it('restores a changed, retyped or deleted locked node and says so, keeping where the student put it', () => {
    const moved = { ...node('users', 'client', { rps: 1 }), position: { x: 50, y: 50 } };
    const changed = holdFrame(replace(starter, 'users', moved), starter, lessonWith({ locked: ['users'] }));
    expect(changed.graph.nodes[0]).toEqual({ ...moved, props: { rps: 600, users: 1000 } });
    expect(changed.notes).toEqual(['Locked node "users" was changed; graded with the lesson\'s settings for it.']);
    const retyped = holdFrame(replace(starter, 'api-2', { kind: 'cache' }), starter, lesson);
    expect(retyped.graph.nodes.find((n) => n.id === 'api-2')?.kind).toBe('service');
    const deleted = holdFrame({ ...starter, nodes: starter.nodes.filter((n) => n.id !== 'api-2'), edges: [] }, starter, lesson);
    expect(deleted.graph.nodes.map((n) => n.id)).toContain('api-2');
    expect(deleted.notes).toEqual(['Locked node "api-2" was missing; graded with the lesson\'s "api-2" restored.']);
  });
});

describe('the lesson frame: traffic', () => {
  const withSecond = graphOf([...starter.nodes, node('client-2', 'client', { rps: 10_000 })], [...starter.edges, edge('client-2', 'db')]);

  it('removes a second client and its connections, and says why', () => {
    const result = holdFrame(withSecond, starter, lesson);
    expect(result.graph).toEqual(starter);
    expect(result.notes).toEqual(['The lesson does not allow a second client; "client-2" was removed before grading, with its connections.']);
  });

  it('removes extra clients even when the palette offers clients, naming the lesson’s own when it has several', () => {
    const two = graphOf([...starter.nodes, node('mobile', 'client')]);
    const extra = graphOf([...two.nodes, node('bot-1', 'client'), node('bot-2', 'client')]);
    const result = holdFrame(extra, two, lessonWith({ palette: ['client', 'service'] }));
    expect(result.graph.nodes.map((n) => n.id)).toEqual(['users', 'lb', 'api-2', 'db', 'mobile']);
    expect(result.notes).toEqual(['The lesson does not allow clients other than its own ("users" and "mobile"); "bot-1" and "bot-2" were removed before grading, with their connections.']);
    expect(result.users).toEqual(new Set(['users', 'mobile']));
  });

  it('lets the student bring the clients when the starter has none and the palette offers them', () => {
    const empty = graphOf([]);
    const design = graphOf([node('a', 'client'), node('b', 'client'), node('api', 'service')], [edge('a', 'api'), edge('b', 'api')]);
    expect(holdFrame(design, empty, lessonWith({ palette: ['client', 'service'] }))).toEqual({ graph: design, notes: [], noteKeys: [] });
    expect(holdFrame(design, empty, lessonWith({ palette: ['service'] })).graph.nodes.map((n) => n.id)).toEqual(['api']);
  });

  it('puts the starter’s clients’ traffic back even when the lesson does not lock them, naming what changed', () => {
    const quiet = replace(starter, 'users', { props: { rps: 1, users: 1000 } });
    const result = holdFrame(quiet, starter, lesson);
    expect(result.graph).toEqual(starter);
    expect(result.notes).toEqual(['The lesson\'s client "users" is part of the exercise; its rps was put back to the lesson\'s before grading.']);
    const gone = holdFrame({ ...starter, nodes: starter.nodes.slice(1), edges: starter.edges.slice(1) }, starter, lesson);
    expect(gone.graph.nodes.map((n) => n.id)).toContain('users');
    expect(gone.notes).toEqual(['The lesson\'s client "users" was missing; it was put back (without connections) before grading.']);
  });
});

describe('the lesson frame: palette', () => {
  it('removes nodes of kinds the palette does not offer, with their connections, but keeps the starter’s own', () => {
    const withStore = graphOf([...starter.nodes, node('sessions', 'session-store')]);
    const lessonStore = lessonWith({ palette: ['service'] }); // the starter's lb and db are not in it either
    const design = graphOf([...withStore.nodes, node('cache-1', 'cache'), node('cache-2', 'cache'), node('coord', 'coordinator')], [...starter.edges, edge('api-2', 'cache-1'), edge('cache-2', 'db')]);
    const result = holdFrame(design, withStore, lessonStore);
    expect(result.graph).toEqual({ ...withStore, edges: starter.edges });
    expect(result.notes).toEqual([
      'The lesson does not offer cache nodes; "cache-1" and "cache-2" were removed before grading, with their connections.',
      'The lesson does not offer coordinator nodes; "coord" was removed before grading, with its connections.',
    ]);
  });

  it('allows every kind when the lesson has no palette', () => {
    const design = graphOf([...starter.nodes, node('cache-1', 'cache')]);
    expect(holdFrame(design, starter, lessonWith()).notes).toEqual([]);
  });

  it('keeps the report short when a design has hundreds of changes', () => {
    const many = Array.from({ length: 300 }, (_, i) => node(`c-${i}`, i % 2 === 0 ? 'cache' : 'coordinator'));
    const locked = Array.from({ length: 40 }, (_, i) => `n-${i}`);
    const bigStarter = graphOf(locked.map((id) => node(id, 'service', { workers: 1 })));
    const design = graphOf([...locked.map((id) => node(id, 'service', { workers: 64 })), ...many]);
    const result = holdFrame(design, bigStarter, lessonWith({ locked, palette: ['service'] }));
    expect(result.graph).toEqual(bigStarter);
    expect(result.notes).toHaveLength(FRAME_NOTES_MAX);
    // 40 locked nodes restored and 2 kinds removed: 19 notes shown, the other 23 summed up.
    expect(result.notes.at(-1)).toBe('… and 23 more changes like these.');
  });
});

describe('the users view of a run', () => {
  const counters = (ok: number, failed: number) => ({ ok: [ok], failed: [failed], requests: [ok + failed] });
  const run = {
    buckets: { bucketMs: 1000, count: 1, counters: { users: counters(80, 20), 'client-2': counters(9900, 0) }, latency: {}, partitionRequests: [] },
    nodes: [
      { id: 'users', kind: 'client', isLbTarget: false },
      { id: 'client-2', kind: 'client', isLbTarget: false },
      { id: 'api', kind: 'service', isLbTarget: true },
    ],
    endedAtMs: 1000,
  } as unknown as RunResult;

  it('reads the users’ metrics on the lesson’s own clients only, so extra traffic cannot dilute them', () => {
    expect(readMetric(run, 'errorRate')).toBeCloseTo(0.002);
    const view = usersView(run, new Set(['users']));
    expect(readMetric(view, 'errorRate')).toBeCloseTo(0.2);
    expect(readMetric(view, 'requests')).toBe(100);
    expect(view.buckets).toBe(run.buckets);
  });

  it('reads every client when the lesson lets the student bring them', () => {
    expect(usersView(run, undefined)).toBe(run);
  });
});

describe('the lesson frame: connections the editor refuses', () => {
  it('removes a hand-written connection between kinds the editor does not connect, and says so', () => {
    const replication = { ...edge('api-2', 'db'), id: 'api-2-db-copy', kind: 'replication' as const };
    const edited = graphOf(starter.nodes, [...starter.edges, edge('lb', 'db'), edge('db', 'api-2'), replication]);
    const result = holdFrame(edited, starter, lesson);
    expect(result.graph.edges.map((e) => e.id)).toEqual(starter.edges.map((e) => e.id));
    expect(result.notes).toEqual(['Connections "lb-db", "db-api-2" and "api-2-db-copy" join nodes the editor does not connect that way; they were removed before grading.']);
    // What the editor allows stays: the starter's own connections, and a client straight to a database.
    const allowed = graphOf(starter.nodes, [...starter.edges, edge('users', 'db')]);
    expect(holdFrame(allowed, starter, lesson)).toMatchObject({ graph: allowed, notes: [] });
  });
});
