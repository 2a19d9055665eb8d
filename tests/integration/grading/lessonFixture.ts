// A short version of the session lesson (10 s of simulated time) so grading tests stay fast.
import { goodGraph, goodLesson, goodManifest, type PackFiles } from '../../unit/packs/fixtures';

type Doc = Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

const withSessions = (graph: Doc, sessions: string): Doc => ({
  ...graph,
  nodes: graph.nodes.map((n) => (n.kind === 'service' ? { ...n, props: { ...(n.props as object), sessions } } : n)),
});

/** Sessions in each instance's memory: a crash loses them. */
export const starterGraph = (): Doc => {
  const graph = withSessions(goodGraph() as Doc, 'local-memory');
  graph.nodes = graph.nodes.map((n) => (n.id === 'lb' ? { ...n, props: { ...(n.props as object), policy: 'sticky' } } : n));
  return graph;
};

/** Sessions in a shared store: nothing is lost. */
export const referenceGraph = (): Doc => {
  const graph = withSessions(goodGraph() as Doc, 'session-store');
  graph.nodes.push({ id: 'sessions', kind: 'session-store', label: 'Sessions', position: { x: 700, y: 300 }, props: {} });
  for (const api of ['api-1', 'api-2', 'api-3']) graph.edges.push({ id: `${api}-sessions`, source: api, target: 'sessions', kind: 'request', props: { latencyMs: 1 } });
  return graph;
};

export const shortLesson = () => ({
  ...goodLesson(),
  scenario: { seed: 42, durationMs: 10_000, faults: [{ id: 'crash', atMs: 4000, action: 'crash', target: 'api-2' }] },
  checks: [
    // A design that serves nobody loses no session and may hold a store: no-lost-sessions needs served
    // requests, external-state a path from the users (pack:validate --run proves both; solutions.test).
    ...(goodLesson().checks as Record<string, unknown>[]).map((c) =>
      c.id === 'errors-recover'
        ? { ...c, window: { from: 'fault:crash+3000', to: 'end' } }
        : c.id === 'no-lost-sessions'
          ? { ...c, requireServed: true }
          : c.id === 'external-state'
            ? { ...c, require: { anyOf: [{ path: { from: { kind: 'client' }, to: { kind: 'session-store' } } }, { path: { from: { kind: 'client' }, to: { kind: 'service', props: { sessions: 'signed-token' } } } }] } }
            : c,
    ),
    {
      id: 'which-crashed',
      type: 'quiz',
      question: { en: 'Which instance received the fewest requests?' },
      choices: ['api-1', 'api-2', 'api-3'].map((id) => ({ id, text: { en: id } })),
      answer: { lowest: 'requests' },
      points: 1,
    },
  ],
});

export const shortPack = (): PackFiles => ({
  'pack.json': goodManifest(),
  'lessons/session-state.lesson.json': shortLesson(),
  'graphs/session-state.starter.json': starterGraph(),
  'graphs/session-state.reference.json': referenceGraph(),
});
