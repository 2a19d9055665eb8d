/**
 * Pure helpers of the studio's per-student ranges editor (lesson `variants`, src/shared/variants.ts):
 * the fields a range can set on this lesson (a fault's time or a numeric parameter it has, a numeric
 * setting of a starter node), a new range for one of them, what is wrong with a range (as message
 * keys of the studio namespace), and the values a named student gets.
 */
import type { Graph } from '../../../shared/graph';
import { parseNodeProps } from '../../../shared/nodeProps';
import type { Scenario } from '../../../shared/scenario';
import { deriveVariant, LessonVariantsSchema, parameterSteps, resolveVariantPath, VARIANT_LIMITS, variantPathNode, type StudentVariant, type VariantParameter, type VariantUnit } from '../../../shared/variants';

/** A field a range can set, with what it is now. */
export interface VariantTarget {
  path: string;
  /** What the editor calls it: a fault's time or parameter (the fault by its id, action and target), or a node's setting (a dotted key of its kind's props). */
  about: { fault: string; action: string; target: string; param: string } | { node: string; kind: string; prop: string };
  value: number;
  unit: VariantUnit;
  /** A parameter id made from it ("crashAtMs", "usersRps"). */
  suggestedId: string;
  /** The node's setting is its kind's default, not written in the node: adding a range writes it. */
  isDefault?: true;
}

type Props = Record<string, unknown>;
const isProps = (v: unknown): v is Props => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The value at a dotted key ("healthCheck.intervalMs") of a node's props. */
const valueAt = (props: unknown, key: string): unknown => key.split('.').reduce<unknown>((here, k) => (isProps(here) ? here[k] : undefined), props);
/** `props` with the dotted key set to `value`, creating the objects on the way and keeping their other keys. */
const withValueAt = (props: Props, keys: readonly string[], value: number): Props => {
  const [head, ...rest] = keys as [string, ...string[]];
  return { ...props, [head]: rest.length === 0 ? value : withValueAt(isProps(props[head]) ? props[head] : {}, rest, value) };
};

/** Writes a default setting a range is added for into the node of a graph (a path must lead to an existing number); dotted settings write into their object. */
export function withSetting(graph: Graph, target: VariantTarget): Graph {
  if (!('node' in target.about)) return graph;
  const { node: id, prop } = target.about;
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id && typeof valueAt(n.props, prop) !== 'number' ? { ...n, props: withValueAt((n.props ?? {}) as Props, prop.split('.'), target.value) } : n)) };
}

/** The numbers of a node's props by dotted key, nested settings ("healthCheck.intervalMs") included, two levels down at most. */
function numbersIn(props: Props, prefix = '', depth = 0): [string, number][] {
  const out: [string, number][] = [];
  for (const [k, v] of Object.entries(props)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) continue;
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number') out.push([key, v]);
    else if (isProps(v) && depth < 2) out.push(...numbersIn(v, key, depth + 1));
  }
  return out;
}

const unitOf = (key: string): VariantUnit => (key === 'rps' ? 'rps' : /Ms$/.test(key) ? 'ms' : 'count');
const camel = (...parts: string[]) =>
  parts
    .map((p) => p.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()))
    .map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1)))
    .join('')
    .replace(/^[^A-Za-z]+/, '');

/** Every number of the scenario's faults and of the starter's node props that a range may set. */
export function variantTargets(scenario: Partial<Scenario> | undefined, starter: Graph | undefined): VariantTarget[] {
  const out: VariantTarget[] = [];
  (scenario?.faults ?? []).forEach((fault, i) => {
    const ref = fault.id ? `[id=${fault.id}]` : `[${i}]`;
    const name = fault.id ?? `${fault.action}-${i}`;
    out.push({ path: `scenario.faults${ref}.atMs`, about: { fault: name, action: fault.action, target: fault.target, param: 'atMs' }, value: fault.atMs, unit: 'ms', suggestedId: camel(name, 'atMs') });
    for (const [key, value] of Object.entries((fault.params ?? {}) as Record<string, unknown>)) {
      if (typeof value === 'number') out.push({ path: `scenario.faults${ref}.params.${key}`, about: { fault: name, action: fault.action, target: fault.target, param: key }, value, unit: unitOf(key), suggestedId: camel(name, key) });
    }
  });
  for (const node of starter?.nodes ?? []) {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(node.id)) continue;
    // The node's own numbers, and the numbers its kind has by default (written into the node when a
    // range is added), nested settings included; a weights map keyed by node id is not a setting.
    const own = (node.props ?? {}) as Props;
    const parsed = parseNodeProps(node.kind, own);
    const defaults = parseNodeProps(node.kind, {});
    const all = parsed.ok ? (parsed.props as Props) : { ...(defaults.ok ? (defaults.props as Props) : {}), ...own };
    for (const [key, value] of numbersIn(all)) {
      if (key.startsWith('weights.')) continue;
      out.push({ path: `starter.nodes[id=${node.id}].props.${key}`, about: { node: node.id, kind: node.kind, prop: key }, value, unit: unitOf(key.split('.').pop() ?? key), suggestedId: camel(node.id, ...key.split('.')), ...(typeof valueAt(own, key) === 'number' ? {} : { isDefault: true }) });
    }
  }
  return out;
}

/** A range for a target: from its value up, in about ten steps. */
export function newParameter(target: VariantTarget, usedIds: ReadonlySet<string>): VariantParameter {
  let id = target.suggestedId || 'value';
  for (let n = 2; usedIds.has(id); n++) id = `${target.suggestedId}${n}`;
  const step = target.unit === 'ms' ? 500 : Math.max(1, Math.round(Math.abs(target.value) / 10));
  const min = target.value;
  const max = target.unit === 'ms' ? target.value + 4000 : target.value + step * 5;
  return { id, label: { en: '' }, min, max, step, unit: target.unit, sets: [target.path] };
}

/** A problem of one range: a key of the studio namespace's `variant.problems` and its parameters. */
export interface VariantProblem {
  key: 'badId' | 'duplicateId' | 'noLabel' | 'maxBelowMin' | 'stepNotPositive' | 'tooManySteps' | 'notANumber' | 'notLocked';
  params?: Record<string, string | number>;
}

/** What is wrong with range `index` of `parameters`, on this lesson's scenario, starter and locks. */
export function variantProblems(parameters: readonly VariantParameter[], index: number, lesson: { scenario?: unknown; locked?: readonly string[] | undefined }, starter: Graph | undefined): VariantProblem[] {
  const p = parameters[index];
  if (!p) return [];
  const problems: VariantProblem[] = [];
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(p.id) || p.id.length > 64) problems.push({ key: 'badId' });
  else if (parameters.some((other, i) => i !== index && other.id === p.id)) problems.push({ key: 'duplicateId', params: { id: p.id } });
  if (!p.label?.en?.trim()) problems.push({ key: 'noLabel' });
  const finite = [p.min, p.max, p.step].every((v) => Number.isFinite(v));
  if (finite && p.max < p.min) problems.push({ key: 'maxBelowMin' });
  if (!(p.step > 0)) problems.push({ key: 'stepNotPositive' });
  else if (finite && p.max >= p.min && (p.max - p.min) / p.step > VARIANT_LIMITS.stepsMax) problems.push({ key: 'tooManySteps', params: { max: VARIANT_LIMITS.stepsMax } });
  for (const path of p.sets) {
    const isScenario = path.startsWith('scenario');
    const at = resolveVariantPath(isScenario ? lesson.scenario : starter, path);
    if (!at.ok) problems.push({ key: 'notANumber', params: { path } });
    const node = isScenario ? undefined : variantPathNode(path);
    if (node !== undefined && !(lesson.locked ?? []).includes(node)) problems.push({ key: 'notLocked', params: { node } });
  }
  return problems;
}

/** The values a named student gets; undefined for an empty name or ranges that do not validate yet. */
export function previewVariant(lessonId: string, variants: unknown, student: string): StudentVariant | undefined {
  const parsed = LessonVariantsSchema.safeParse(variants);
  return parsed.success ? deriveVariant(lessonId, parsed.data, student) : undefined;
}

/** How many values a range has (0 while it is invalid). */
export const rangeSize = (p: VariantParameter): number => (p.step > 0 && p.max >= p.min && Number.isFinite(p.max - p.min) ? parameterSteps(p) : 0);
