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
