/**
 * Pure helpers of the studio's structure-check editor: the predicate types of src/shared/checks.ts,
 * a new predicate of each type, switching type while keeping the node match, edits addressed by a
 * path of child indexes (anyOf/allOf children, `not`'s one child at 0), a one-line summary through
 * the caller's words, and the "key=value, …" text of a node match's props.
 */
import type { NodeMatch, Predicate } from '../../../shared/checks';
import type { NodeKind } from '../../../shared/graph';
import { parseNodeProps } from '../../../shared/nodeProps';

export const PREDICATE_TYPES = ['node', 'path', 'count', 'prop', 'anyOf', 'allOf', 'not'] as const;
export type PredicateType = (typeof PREDICATE_TYPES)[number];
/** How deep anyOf/allOf/not may nest in the editor (the schema itself has no bound but its size). */
export const PREDICATE_DEPTH_MAX = 3;
/** Index path from the root predicate to a nested one. */
export type PredicatePath = readonly number[];

export function predicateType(p: Predicate): PredicateType {
  const key = Object.keys(p)[0];
  return (PREDICATE_TYPES as readonly string[]).includes(key ?? '') ? (key as PredicateType) : 'node';
}

/** The node match a predicate is about, if it has one (path: its `from`). */
const matchOf = (p: Predicate): NodeMatch | undefined => ('node' in p ? p.node : 'count' in p ? p.count.node : 'prop' in p ? p.prop.node : 'path' in p ? p.path.from : undefined);

/** Top-level and dotted nested prop keys of a node kind, from its props schema's defaults. */
export function propKeysOf(kind: NodeKind | undefined): string[] {
  if (!kind) return [];
  const parsed = parseNodeProps(kind, {});
  if (!parsed.ok) return [];
  const keys: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) walk(item, `${prefix}${key}.`);
      else if (['string', 'number', 'boolean'].includes(typeof item)) keys.push(`${prefix}${key}`);
    }
  };
  walk(parsed.props, '');
  return keys;
}

export function newPredicate(type: PredicateType, match: NodeMatch = { kind: 'cache' }): Predicate {
  switch (type) {
    case 'node':
      return { node: match };
    case 'path':
      return { path: { from: { kind: 'client' }, to: { kind: 'database' } } };
    case 'count':
      return { count: { node: match, op: '>=', value: 1 } };
    case 'prop': {
      const key = propKeysOf(match.kind)[0] ?? 'replicas';
      return { prop: { node: match, key, op: '==', value: 1 } };
    }
    case 'anyOf':
    case 'allOf':
      return { [type]: [{ node: match }] } as Predicate;
    case 'not':
      return { not: { node: match } };
  }
}

/** The same predicate as another type, keeping its node match where the new type has one. */
export function changeType(p: Predicate, type: PredicateType): Predicate {
  if (predicateType(p) === type) return p;
  if (type === 'anyOf' || type === 'allOf') return { [type]: [p] } as Predicate;
  if (type === 'not') return { not: p };
  return newPredicate(type, matchOf(p) ?? { kind: 'cache' });
}

/** Children of a compound predicate (none for the others). */
export const childrenOf = (p: Predicate): Predicate[] => ('anyOf' in p ? p.anyOf : 'allOf' in p ? p.allOf : 'not' in p ? [p.not] : []);

export function getAt(root: Predicate, path: PredicatePath): Predicate | undefined {
  let here: Predicate | undefined = root;
  for (const i of path) here = here ? childrenOf(here)[i] : undefined;
  return here;
}

/** Root with the predicate at `path` replaced by `recipe(it)`; root unchanged if the path leads nowhere. */
export function updateAt(root: Predicate, path: PredicatePath, recipe: (p: Predicate) => Predicate): Predicate {
  if (path.length === 0) return recipe(root);
  const [i, ...rest] = path as [number, ...number[]];
  const children = childrenOf(root);
  const child = children[i];
  if (!child) return root;
  const next = updateAt(child, rest, recipe);
  if ('not' in root) return { not: next };
  const list = children.map((c, j) => (j === i ? next : c));
  return 'anyOf' in root ? { anyOf: list } : { allOf: list };
}

/** Adds a child to the anyOf/allOf at `path` (a copy of its last child's match, or a cache). */
export function addChild(root: Predicate, path: PredicatePath): Predicate {
  if (path.length >= PREDICATE_DEPTH_MAX) return root;
  return updateAt(root, path, (p) => {
    if ('anyOf' in p) return { anyOf: [...p.anyOf, newPredicate('node')] };
    if ('allOf' in p) return { allOf: [...p.allOf, newPredicate('node')] };
    return p;
  });
}

/** Removes the child at `path` from its anyOf/allOf parent, which keeps at least one child. */
export function removeAt(root: Predicate, path: PredicatePath): Predicate {
  if (path.length === 0) return root;
  const index = path[path.length - 1] as number;
  return updateAt(root, path.slice(0, -1), (parent) => {
    if ('anyOf' in parent && parent.anyOf.length > 1) return { anyOf: parent.anyOf.filter((_, j) => j !== index) };
    if ('allOf' in parent && parent.allOf.length > 1) return { allOf: parent.allOf.filter((_, j) => j !== index) };
    return parent;
  });
}

/** The words a summary is made of: i18next's `t` of the studio namespace and the node kinds' names. */
export interface SummaryWords {
  t(key: string, params?: Record<string, unknown>): string;
  kind(kind: NodeKind): string;
  /** A setting's name (`path` inside the kind's props) and one of its choices; without them the key and value read as written. */
  field?(kind: NodeKind, path: readonly string[]): string;
  option?(kind: NodeKind, path: readonly string[], value: string): string;
  /** A node id by the node's name in the lesson (useStudioNamer); without it the id reads as written. */
  name?(id: string): string;
}

const scalarText = (v: string | number | boolean) => (typeof v === 'string' ? `“${v}”` : String(v));

/** "会话 = “本地内存”" for a node of a known kind; "sessions = “local-memory”" when the kind is open. */
function propText(kind: NodeKind | undefined, key: string, op: string, v: string | number | boolean, w: SummaryWords): string {
  if (!kind || !w.field) return `${key} ${op} ${scalarText(v)}`;
  const path = key.split('.');
  return `${w.field(kind, path)} ${op} ${typeof v === 'string' && w.option ? `“${w.option(kind, path, v)}”` : scalarText(v)}`;
}

export function summarizeMatch(m: NodeMatch, w: SummaryWords): string {
  const what = m.kind ? w.kind(m.kind) : w.t('summary.anyNode');
  const id = m.id && w.name ? w.name(m.id) : m.id;
  const named = id ? (m.kind ? w.t('summary.named', { what, id }) : w.t('summary.nodeNamed', { id })) : what;
  const props = Object.entries(m.props ?? {});
  return props.length === 0 ? named : w.t('summary.withProps', { what: named, props: props.map(([k, v]) => propText(m.kind, k, '=', v, w)).join(w.t('summary.propSeparator')) });
}

/** One line saying what the predicate requires, in the caller's language. */
export function summarizePredicate(p: Predicate, w: SummaryWords, depth = 0): string {
  if (depth > 6) return '…';
  const m = (match: NodeMatch) => summarizeMatch(match, w);
  const inner = (list: Predicate[]) => list.map((c) => summarizePredicate(c, w, depth + 1)).join(w.t('summary.separator'));
  if ('node' in p) return w.t('summary.node', { match: m(p.node) });
  if ('path' in p) return p.path.via ? w.t('summary.pathVia', { from: m(p.path.from), to: m(p.path.to), via: m(p.path.via) }) : w.t('summary.path', { from: m(p.path.from), to: m(p.path.to) });
  if ('count' in p) return w.t('summary.count', { match: m(p.count.node), op: p.count.op, value: p.count.value });
  if ('prop' in p) return w.t('summary.prop', { match: m(p.prop.node), setting: propText(p.prop.node.kind, p.prop.key, p.prop.op, p.prop.value, w) });
  if ('anyOf' in p) return w.t('summary.anyOf', { list: inner(p.anyOf) });
  if ('allOf' in p) return w.t('summary.allOf', { list: inner(p.allOf) });
  return w.t('summary.not', { inner: summarizePredicate(p.not, w, depth + 1) });
}

/** "true"/"false" → boolean, a number → number, anything else → the text. */
export function parseScalar(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return text;
}

export const propsText = (props: NodeMatch['props']): string =>
  Object.entries(props ?? {})
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');

/** "mode=write-through, replicas=2" → props; the first part without "key=value" is the error. */
export function parsePropsText(text: string): { ok: true; props: Record<string, string | number | boolean> | undefined } | { ok: false; bad: string } {
  const props: Record<string, string | number | boolean> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.+)$/.exec(part);
    if (!m) return { ok: false, bad: part };
    props[m[1] as string] = parseScalar((m[2] as string).trim());
  }
  return { ok: true, props: Object.keys(props).length > 0 ? props : undefined };
}

