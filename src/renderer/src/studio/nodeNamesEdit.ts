/** The studio's edit of one node's names (NodeNamesEditor), pure so it can be tested. */
import type { Graph } from '../../../shared/graph';
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
