/** The studio's edit of one node's names (NodeNamesEditor), pure so it can be tested. */
import type { Graph, GraphNode } from '../../../shared/graph';
import type { NodeNames } from '../../../shared/nodeNames';

type Name = { en: string; [locale: string]: string | undefined };

/**
 * Names node `id` `next` in the lesson: the English name becomes the node's label in the starter
 * and reference (pack:validate wants them equal); a node named only in English needs no entry.
 */
export function setNodeName(lesson: { nodeNames?: NodeNames | undefined }, graphs: readonly (Graph | undefined)[], id: string, next: Name): void {
  for (const graph of graphs) {
    const node = graph?.nodes.find((n) => n.id === id);
    if (node) node.label = next.en;
  }
  const kept = Object.fromEntries(Object.entries(next).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''));
  const all: NodeNames = { ...(lesson.nodeNames ?? {}) };
  if (Object.keys(kept).some((locale) => locale !== 'en')) all[id] = { ...kept, en: next.en };
  else delete all[id];
  if (Object.keys(all).length > 0) lesson.nodeNames = all;
  else delete lesson.nodeNames;
}

/**
 * The names a new lesson keeps from the lesson whose design it starts from: each node of `graph`
 * that `names` names, while its label is still that name's English (a node the author renamed on
 * the canvas is the author's). Without them a new lesson built on lesson 1's canvas reads "Users"
 * and "Load balancer" in 简体中文 and lists every node as untranslated.
 */
export function namesKept(graph: Graph, names: NodeNames | undefined): NodeNames | undefined {
  if (!names) return undefined;
  const kept = Object.fromEntries(graph.nodes.filter((n) => Object.hasOwn(names, n.id) && names[n.id]!.en === n.label).map((n) => [n.id, names[n.id]!]));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** A node kind's name in each locale the studio writes ("Service" / "服务"), as the palette names a new node. */
export type KindNames = (kind: GraphNode['kind']) => Name;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The names the app already has for the nodes of `graph`, in every language: a node still labelled as
 * `shown` (the names the canvas shows, those of the lesson the design came from) names it, and a node
 * still labelled as the palette named it in English ("Service 2", "Load balancer") gets its kind's name
 * in each language ("服务 2", "负载均衡器"). A node the author renamed, or named in one language only, has none.
 */
export function namesKnown(graph: Graph, shown: NodeNames | undefined, kindNames: KindNames): NodeNames | undefined {
  const known: NodeNames = { ...(namesKept(graph, shown) ?? {}) };
  for (const node of graph.nodes) {
    if (Object.hasOwn(known, node.id)) continue;
    const names = kindNames(node.kind);
    const m = new RegExp(`^${escapeRegExp(names.en)}(?: (\\d+))?$`).exec(node.label);
    if (!m) continue;
    const localized = Object.entries(names).filter((entry): entry is [string, string] => entry[0] !== 'en' && entry[1] !== undefined && entry[1].trim() !== '');
    if (localized.length === 0) continue;
    known[node.id] = { ...Object.fromEntries(localized.map(([locale, base]) => [locale, m[1] === undefined ? base : `${base} ${m[1]}`])), en: node.label };
  }
  return Object.keys(known).length > 0 ? known : undefined;
}

/**
 * Gives each node of `graph` the lesson does not name yet the names the app has for it (`namesKnown`):
 * a design the author takes from the canvas (a new lesson's starter, a reference) brings its names with it.
 */
export function addKnownNames(lesson: { nodeNames?: NodeNames | undefined }, graph: Graph, shown: NodeNames | undefined, kindNames: KindNames): void {
  const known = namesKnown(graph, shown, kindNames);
  if (!known) return;
  const all: NodeNames = { ...(lesson.nodeNames ?? {}) };
  for (const [id, names] of Object.entries(known)) if (!Object.hasOwn(all, id)) all[id] = names;
  lesson.nodeNames = all;
}
