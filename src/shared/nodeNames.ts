/**
 * A lesson's node names in every language it is written in (lesson field `nodeNames`). The graph
 * format keeps one `label` per node (what the student typed, or the starter's English); the names
 * are display only: the simulator, grading and scenarios use ids. A node shows the lesson's name in
 * the student's language while its label is one of the lesson's names for its id; a node the
 * student renamed shows the student's label in every language.
 */
import { z } from 'zod';
import { GRAPH_LIMITS } from './graph';
import { ownIssue, ownText } from './i18n/packTexts';

/** At most this many names per lesson (far above any lesson's graphs). */
export const NODE_NAMES_MAX = 500;

const name = z.string().max(GRAPH_LIMITS.labelChars).regex(/\S/, ownText('own.blankName'));

/** One node's name per locale; English is required (it is the graphs' label). */
export const NodeNameSchema = z.object({ en: name }).catchall(name);
export type NodeName = z.infer<typeof NodeNameSchema>;

/** Node id → its names; ids must be nodes of the lesson's graphs (pack:validate checks). */
export const NodeNamesSchema = z
  .record(z.string().min(1).max(GRAPH_LIMITS.idChars), NodeNameSchema)
  .refine((names) => Object.keys(names).length <= NODE_NAMES_MAX, ownIssue('own.nodeNamesMax', { max: NODE_NAMES_MAX }));
export type NodeNames = z.infer<typeof NodeNamesSchema>;

/** What a name is worked out from: the node's id and label. */
export interface NamedNode {
  id: string;
  label: string;
}

/** A scale-out clone's id is `<node>~<n>` (sim/build.ts); its name is its original's plus the number. */
const CLONE = /^(.*)~(\d+)$/;

/**
 * The name to show for `node` in `locale`: the lesson's name in that language (English when it has
 * none) while the label is one of the lesson's names for the node, else the label (the student's
 * rename wins in every language), else the id.
 */
export function nodeDisplayName(node: NamedNode, names: NodeNames | undefined, locale: string): string {
  const own = names !== undefined && Object.hasOwn(names, node.id) ? names[node.id] : undefined;
  if (own !== undefined && (node.label.trim() === '' || Object.values(own).includes(node.label))) {
    const localized = own[locale];
    return localized !== undefined && localized.trim() !== '' ? localized : own.en;
  }
  return node.label.trim() === '' ? node.id : node.label;
}

/** What an edge's name is worked out from: its id and its two ends. */
export interface NamedEdge {
  id: string;
  source: string;
  target: string;
}

/**
 * Names by id over a design: a node of `nodes` by `nodeDisplayName`, a scale-out clone as its
 * original's name and number ("API 2 ~1"), a connection of `edges` by its two ends' names
 * ("Users → Load balancer"), anything else (a selector, a gone node) as given.
 */
export function nodeNamer(nodes: readonly NamedNode[], names: NodeNames | undefined, locale: string, edges: readonly NamedEdge[] = []): (id: string) => string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edgeById = new Map(edges.map((e) => [e.id, e]));
  const nameOf = (id: string): string => {
    const node = byId.get(id);
    if (node) return nodeDisplayName(node, names, locale);
    const clone = CLONE.exec(id);
    if (clone && byId.has(clone[1]!)) return `${nameOf(clone[1]!)} ~${clone[2]}`;
    const edge = edgeById.get(id);
    if (edge) return `${nameOf(edge.source)} → ${nameOf(edge.target)}`;
    return id;
  };
  return nameOf;
}
