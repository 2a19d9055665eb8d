/**
 * "Every knob has a price" (DESIGN.md §3): builds a lesson's extreme designs, each an edit a
 * student could make in the properties panel, so a test can grade them and find a lesson that
 * turning knobs to their limits would pass. A knob is a prop of a node the student may edit in
 * that lesson: not a locked node, not a locked prop, a client only for its design props
 * (CLIENT_DESIGN_PROPS: grading puts the rest back), and only a field the form shows for the
 * node's settings (NODE_FIELD_RULES). Ranges and options come from the props schemas
 * (src/shared/nodeProps.ts) through the properties form's own reader of them (schemaFields.ts).
 *
 * The designs (`extremeDesigns`):
 * - `all-min` / `all-max`: every numeric knob of every editable node at its minimum / maximum;
 * - `one`: a single knob pushed to an extreme on every editable node of its kind at once (every
 *   service's workers at the maximum), with the others as the base has them;
 * - `enum`: each other value of an enum or boolean knob, again on every node of the kind.
 */
import type { Graph, GraphNode, NodeKind } from '../../src/shared/graph';
import type { Lesson } from '../../src/shared/lesson';
import { CLIENT_DESIGN_PROPS, NODE_FIELD_RULES, NODE_PROPS_SCHEMAS, parseNodeProps } from '../../src/shared/nodeProps';
import { fieldsOf, valueAt, withValue, type Field } from '../../src/renderer/src/properties/schemaFields';

/** A knob: one leaf field of a kind's props (a path such as healthCheck.intervalMs). */
export interface Knob {
  kind: NodeKind;
  /** Path from the props root, dotted: "healthCheck.intervalMs". */
  path: string;
  field: Field & { type: 'number' | 'enum' | 'boolean' };
  /** The child a bare number stands for in its parent (serviceTimeMs: 5 is { mean: 5 }). */
  numberMeans?: string;
}

export type ExtremeKind = 'all-min' | 'all-max' | 'one' | 'enum';

export interface ExtremeDesign {
  /** "all-min", "service.workers=max", "load-balancer.policy=sticky". */
  name: string;
  type: ExtremeKind;
  /** The knob and value, for `one` and `enum`. */
  knob?: { kind: NodeKind; path: string; value: unknown; extreme?: 'min' | 'max' };
  graph: Graph;
}

const leaves = (fields: readonly Field[], numberMeans?: string): { field: Field; numberMeans?: string }[] =>
  fields.flatMap((f) => (f.type === 'group' ? leaves(f.fields, f.numberMeans) : [{ field: f, ...(numberMeans ? { numberMeans } : {}) }]));

/** Every number, enum and boolean leaf of a kind's props (records and labels are no knobs). */
export function knobsOf(kind: NodeKind): Knob[] {
  return leaves(fieldsOf(NODE_PROPS_SCHEMAS[kind])).flatMap(({ field, numberMeans }) =>
    field.type === 'number' || field.type === 'enum' || field.type === 'boolean'
      ? [{ kind, path: field.path.join('.'), field: field as Knob['field'], ...(numberMeans ? { numberMeans } : {}) }]
      : [],
  );
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

/** The node with `value` at the knob's path; a nested group (healthCheck) keeps its other fields' values. */
export function setKnob(node: GraphNode, knob: Knob, value: unknown): GraphNode {
  const parsed = parseNodeProps(node.kind, node.props);
  const full = parsed.ok ? (parsed.props as Record<string, unknown>) : node.props;
  const [top, ...rest] = knob.path.split('.') as [string, ...string[]];
  // Write the whole top-level group from its defaulted value, so a partly written group stays valid.
  const props = rest.length === 0 ? { ...node.props, [top]: value } : { ...node.props, [top]: withValue({ ...(full[top] as Record<string, unknown>) }, rest, value, knob.numberMeans) };
  // Health checks: a probe's timeout is at most its interval (the schema's note); keep the pair valid.
  const hc = props.healthCheck as { intervalMs?: number; timeoutMs?: number } | undefined;
  if (node.kind === 'load-balancer' && hc?.intervalMs !== undefined && hc.timeoutMs !== undefined && hc.timeoutMs > hc.intervalMs) {
    props.healthCheck = knob.path === 'healthCheck.timeoutMs' ? { ...hc, intervalMs: hc.timeoutMs } : { ...hc, timeoutMs: hc.intervalMs };
  }
  return { ...node, props };
}

/** The current value of a knob on a node (defaults applied). */
export function knobValue(node: GraphNode, knob: Knob): unknown {
  const parsed = parseNodeProps(node.kind, node.props);
  return parsed.ok ? valueAt(parsed.props, { path: knob.path.split('.') }) : undefined;
}

/** The knobs the student can turn on some node of `graph`, each with the nodes it applies to. */
export function editableKnobs(lesson: Pick<Lesson, 'locked' | 'lockedProps'>, graph: Graph): { knob: Knob; nodes: string[] }[] {
  const kinds = [...new Set(graph.nodes.map((n) => n.kind))];
  return kinds.flatMap((kind) =>
    knobsOf(kind).flatMap((knob) => {
      const nodes = graph.nodes.filter((n) => isEditable(lesson, n, knob) && applies(knob, n)).map((n) => n.id);
      return nodes.length > 0 ? [{ knob, nodes }] : [];
    }),
  );
}

const withNodes = (graph: Graph, change: (node: GraphNode) => GraphNode, ids: ReadonlySet<string>): Graph => ({
  ...graph,
  nodes: graph.nodes.map((n) => (ids.has(n.id) ? change(n) : n)),
});

const extremeOf = (knob: Knob, extreme: 'min' | 'max'): number | undefined => (knob.field.type === 'number' ? (extreme === 'min' ? knob.field.min : knob.field.max) : undefined);

/** Every numeric knob of every editable node at one extreme. */
function allAt(lesson: Pick<Lesson, 'locked' | 'lockedProps'>, graph: Graph, extreme: 'min' | 'max'): Graph {
  let out = graph;
  for (const { knob, nodes } of editableKnobs(lesson, graph)) {
    const value = extremeOf(knob, extreme);
    if (value !== undefined) out = withNodes(out, (n) => setKnob(n, knob, value), new Set(nodes));
  }
  return out;
}

/** The extreme designs built from `graph` (see the top of this file). `one` and `enum` designs that change nothing are left out. */
export function extremeDesigns(lesson: Pick<Lesson, 'locked' | 'lockedProps'>, graph: Graph, types: readonly ExtremeKind[] = ['all-min', 'all-max', 'one', 'enum']): ExtremeDesign[] {
  const out: ExtremeDesign[] = [];
  if (types.includes('all-min')) out.push({ name: 'all-min', type: 'all-min', graph: allAt(lesson, graph, 'min') });
  if (types.includes('all-max')) out.push({ name: 'all-max', type: 'all-max', graph: allAt(lesson, graph, 'max') });
  for (const { knob, nodes } of editableKnobs(lesson, graph)) {
    const ids = new Set(nodes);
    const current = new Set(graph.nodes.filter((n) => ids.has(n.id)).map((n) => JSON.stringify(knobValue(n, knob))));
    const differs = (value: unknown) => current.size > 1 || !current.has(JSON.stringify(value));
    if (knob.field.type === 'number' && types.includes('one')) {
      for (const extreme of ['min', 'max'] as const) {
        const value = extremeOf(knob, extreme);
        if (value === undefined || !differs(value)) continue;
        out.push({ name: `${knob.kind}.${knob.path}=${extreme}`, type: 'one', knob: { kind: knob.kind, path: knob.path, value, extreme }, graph: withNodes(graph, (n) => setKnob(n, knob, value), ids) });
      }
    } else if (knob.field.type !== 'number' && types.includes('enum')) {
      const values: unknown[] = knob.field.type === 'boolean' ? [false, true] : [...knob.field.options];
      for (const value of values) {
        if (!differs(value)) continue;
        out.push({ name: `${knob.kind}.${knob.path}=${String(value)}`, type: 'enum', knob: { kind: knob.kind, path: knob.path, value }, graph: withNodes(graph, (n) => setKnob(n, knob, value), ids) });
      }
    }
  }
  return out;
}
