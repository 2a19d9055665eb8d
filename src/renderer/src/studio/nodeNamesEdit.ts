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
 * still labelled as the palette named it in any language ("Service 2", "负载均衡器", added while the app was
 * in 简体中文) gets its kind's name in each language ("Service 2" / "服务 2"). A node the author renamed,
 * or named in one language only, has none.
 */
export function namesKnown(graph: Graph, shown: NodeNames | undefined, kindNames: KindNames): NodeNames | undefined {
  const known: NodeNames = { ...(namesKept(graph, shown) ?? {}) };
  for (const node of graph.nodes) {
    if (Object.hasOwn(known, node.id)) continue;
    const names = Object.entries(kindNames(node.kind)).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== '');
    if (!names.some(([locale]) => locale !== 'en')) continue;
    // English first: a kind named alike in two languages reads as English.
    const number = names
      .sort(([a], [b]) => Number(b === 'en') - Number(a === 'en'))
      .map(([, base]) => new RegExp(`^${escapeRegExp(base)}(?: (\\d+))?$`).exec(node.label))
      .find((m) => m !== null);
    if (!number) continue;
    const named = Object.fromEntries(names.map(([locale, base]) => [locale, number[1] === undefined ? base : `${base} ${number[1]}`]));
    known[node.id] = { ...named, en: named.en! };
  }
  return Object.keys(known).length > 0 ? known : undefined;
}

/**
 * `graph` with each node `names` names by a label in another language ("服务 2") labelled by its
 * English name ("Service 2"), as a lesson's starter and reference label their nodes (pack:validate).
 */
export function labelledInEnglish(graph: Graph, names: NodeNames | undefined): Graph {
  if (!names) return graph;
  const relabel = (node: GraphNode) => {
    const own = Object.hasOwn(names, node.id) ? names[node.id] : undefined;
    return own && own.en !== node.label && Object.values(own).includes(node.label) ? { ...node, label: own.en } : node;
  };
  return graph.nodes.some((n) => relabel(n) !== n) ? { ...graph, nodes: graph.nodes.map(relabel) } : graph;
}

/**
 * Gives each node of `graph` the lesson does not name yet the names the app has for it (`namesKnown`):
 * a design the author takes from the canvas (a new lesson's starter, a reference) brings its names with
 * it. Returns the design to keep: `graph`, its nodes named in another language labelled in English.
 */
export function addKnownNames(lesson: { nodeNames?: NodeNames | undefined }, graph: Graph, shown: NodeNames | undefined, kindNames: KindNames): Graph {
  const known = namesKnown(graph, shown, kindNames);
  if (!known) return labelledInEnglish(graph, lesson.nodeNames);
  const all: NodeNames = { ...(lesson.nodeNames ?? {}) };
  for (const [id, names] of Object.entries(known)) if (!Object.hasOwn(all, id)) all[id] = names;
  lesson.nodeNames = all;
  return labelledInEnglish(graph, all);
}
