/**
 * The knobs a student can turn in a lesson (DESIGN.md §3, "every knob has a price"): each number,
 * enum and boolean leaf of a node's props (nodeProps.ts), with its range, on a node the student may
 * edit — not a locked node, not a locked prop, a client only for its design props
 * (CLIENT_DESIGN_PROPS: grading puts the rest back) — and only where the properties form shows it
 * for the node's settings (NODE_FIELD_RULES). The pack validator turns them all to an extreme to
 * prove a lesson cannot be passed that way; the tests search them one by one.
 */
import type { z } from 'zod';
import type { Graph, GraphNode, NodeKind } from './graph';
import type { Lesson } from './lesson';
import { CLIENT_DESIGN_PROPS, NODE_FIELD_RULES, NODE_PROPS_SCHEMAS, parseNodeProps } from './nodeProps';

/** One leaf of a kind's props. */
export type Knob =
  | { kind: NodeKind; path: string; type: 'number'; min: number; max: number }
  | { kind: NodeKind; path: string; type: 'enum'; options: readonly string[] }
  | { kind: NodeKind; path: string; type: 'boolean' };

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** Unwraps defaults, optionals and pipes (serviceTimeMs is a union piped into its object form). */
function inner(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const def = s._zod.def;
    if (def.type === 'default' || def.type === 'optional' || def.type === 'readonly') s = def.innerType as AnySchema;
    else if (def.type === 'pipe') s = def.in as AnySchema;
    else return s;
  }
}

function leaves(kind: NodeKind, schema: AnySchema, prefix: string): Knob[] {
  const s = inner(schema);
  const def = s._zod.def;
  const path = prefix;
  switch (def.type) {
    case 'object':
      return Object.entries((s as unknown as z.ZodObject).shape as Record<string, AnySchema>).flatMap(([key, child]) => leaves(kind, child, prefix === '' ? key : `${prefix}.${key}`));
    case 'union': {
      // A number-or-object shorthand (serviceTimeMs): the object form's leaves.
      const object = (def.options as AnySchema[]).find((o) => o._zod.def.type === 'object');
      return object ? leaves(kind, object, prefix) : [];
    }
    case 'number': {
      const n = s as unknown as z.ZodNumber;
      return n.minValue === null || n.maxValue === null ? [] : [{ kind, path, type: 'number', min: n.minValue, max: n.maxValue }];
    }
    case 'enum':
      return [{ kind, path, type: 'enum', options: (s as unknown as z.ZodEnum).options as string[] }];
    case 'boolean':
      return [{ kind, path, type: 'boolean' }];
    default:
      return [];
  }
}

/** Every number, enum and boolean leaf of a kind's props (records and labels are no knobs). */
export function knobsOf(kind: NodeKind): Knob[] {
  return leaves(kind, NODE_PROPS_SCHEMAS[kind] as unknown as AnySchema, '');
}

/** Whether the form shows this knob for the node's (defaulted) props: a hidden field does nothing. */
function applies(knob: Knob, node: GraphNode): boolean {
  const parsed = parseNodeProps(node.kind, node.props);
  if (!parsed.ok) return false;
  const rules = NODE_FIELD_RULES[node.kind] as Record<string, { when?: (p: unknown) => boolean }> | undefined;
  const when = rules?.[knob.path]?.when;
  return when === undefined || when(parsed.props);
}

/** The student may change this knob on this node in this lesson. */
export function isEditable(lesson: Pick<Lesson, 'locked' | 'lockedProps'>, node: GraphNode, knob: Knob): boolean {
  if (node.kind !== knob.kind || lesson.locked.includes(node.id)) return false;
  const top = knob.path.split('.')[0]!;
  if ((lesson.lockedProps[node.id] ?? []).includes(top)) return false;
  return node.kind !== 'client' || (CLIENT_DESIGN_PROPS as readonly string[]).includes(top);
}

/** The knobs the student can turn on some node of `graph`, each with the ids of the nodes it applies to. */
export function editableKnobs(lesson: Pick<Lesson, 'locked' | 'lockedProps'>, graph: Graph): { knob: Knob; nodes: string[] }[] {
  const kinds = [...new Set(graph.nodes.map((n) => n.kind))];
  return kinds.flatMap((kind) =>
    knobsOf(kind).flatMap((knob) => {
      const nodes = graph.nodes.filter((n) => isEditable(lesson, n, knob) && applies(knob, n)).map((n) => n.id);
      return nodes.length > 0 ? [{ knob, nodes }] : [];
    }),
  );
}

/** The knob's value on a node (defaults applied). */
export function knobValue(node: GraphNode, knob: Knob): unknown {
  const parsed = parseNodeProps(node.kind, node.props);
  let value: unknown = parsed.ok ? parsed.props : undefined;
  for (const key of knob.path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** The node with `value` at the knob's path; a nested group (healthCheck) keeps its other fields' values. */
export function setKnob(node: GraphNode, knob: Knob, value: unknown): GraphNode {
  const parsed = parseNodeProps(node.kind, node.props);
  const full = parsed.ok ? (parsed.props as Record<string, unknown>) : node.props;
  const [top, ...rest] = knob.path.split('.') as [string, ...string[]];
  const props: Record<string, unknown> = { ...node.props };
  if (rest.length === 0) props[top] = value;
  else {
    // Write the whole top-level group from its defaulted value, so a partly written group stays valid.
    const group: Record<string, unknown> = { ...((full[top] as Record<string, unknown> | undefined) ?? {}) };
    let at = group;
    for (const key of rest.slice(0, -1)) at = at[key] = { ...(at[key] as Record<string, unknown>) };
    at[rest.at(-1)!] = value;
    props[top] = group;
  }
  // Health checks: a probe's timeout is at most its interval (the schema's note); keep the pair valid.
  const hc = props.healthCheck as { intervalMs?: number; timeoutMs?: number } | undefined;
  if (node.kind === 'load-balancer' && hc?.intervalMs !== undefined && hc.timeoutMs !== undefined && hc.timeoutMs > hc.intervalMs) {
    props.healthCheck = knob.path === 'healthCheck.timeoutMs' ? { ...hc, intervalMs: hc.timeoutMs } : { ...hc, timeoutMs: hc.intervalMs };
  }
  return { ...node, props };
}

/** `graph` with every numeric knob of every node the student may edit at one end of its range. */
export function allKnobsAt(lesson: Pick<Lesson, 'locked' | 'lockedProps'>, graph: Graph, extreme: 'min' | 'max'): Graph {
  let out = graph;
  for (const { knob, nodes } of editableKnobs(lesson, graph)) {
    if (knob.type !== 'number') continue;
    const value = extreme === 'min' ? knob.min : knob.max;
    out = { ...out, nodes: out.nodes.map((n) => (nodes.includes(n.id) ? setKnob(n, knob, value) : n)) };
  }
  return out;
}
