// Builds small packs on disk from the example documents, so each test breaks exactly one thing.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const example = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/examples', name), 'utf8'));

export const goodManifest = () => ({
  format: 'statelab.pack',
  version: 1,
  id: 'sessions',
  title: { en: 'Sessions' },
  packVersion: '1.0.0',
  authors: ['Test'],
  locales: ['en', 'zh-CN'],
  minAppVersion: '0.1.0',
  lessons: ['lessons/session-state.lesson.json'],
});
export const goodLesson = () => example('session-state.lesson.json');
export const goodGraph = () => example('stateless-tier.graph.json');

/** A graph where api-2 keeps no sessions in memory: the starter with a session store added. */
export const referenceGraph = () => {
  const graph = goodGraph() as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
  graph.nodes.push({ id: 'sessions', kind: 'session-store', label: 'Sessions', position: { x: 700, y: 300 }, props: {} });
  for (const api of ['api-1', 'api-2', 'api-3']) {
    graph.edges.push({ id: `${api}-sessions`, source: api, target: 'sessions', kind: 'request', props: { latencyMs: 1 } });
  }
  return graph;
};

/** Files by pack-relative path; strings are written as they are, objects as JSON. */
export type PackFiles = Record<string, unknown>;

export const goodPack = (): PackFiles => ({
  'pack.json': goodManifest(),
  'lessons/session-state.lesson.json': goodLesson(),
  'graphs/session-state.starter.json': goodGraph(),
  'graphs/session-state.reference.json': referenceGraph(),
});

export function writePack(files: PackFiles, root = mkdtempSync(path.join(tmpdir(), 'statelab-pack-'))): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

/** Text encoding of files for zips. */
export const asBytes = (files: PackFiles): Record<string, Uint8Array> =>
  Object.fromEntries(Object.entries(files).map(([name, c]) => [name, new TextEncoder().encode(typeof c === 'string' ? c : JSON.stringify(c))]));
