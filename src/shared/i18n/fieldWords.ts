/**
 * A field of a lesson, its scenario or a node's settings named in words, as the studio labels it,
 * for a pack problem's sentence: "predictions[1].choices[0].text" → "Prediction 2 › Choice 1",
 * "scenario.faults[id=crash].atMs" → "Scenario › Fault “crash” › Time", a node's setting by the
 * properties panel's labels when its kind is known ("Node “lb” › Health check › Interval",
 * settingWords.ts), else by its key ("setting “healthCheck.intervalMs”"). The problem's file and
 * JSON path stay beside the sentence (the CLI's line and --json, the studio's tooltip); the sentence
 * itself reads without them. Pure.
 */
import { packMessage, PACK_TEXTS, type PackKey, type PackMessage } from './packTexts';
import { settingKey } from './settingWords';

/** A node's kind by its id or (a path that numbers the nodes) its position; undefined when unknown. */
export type KindOf = (node: string | number) => string | undefined;

type Segment = string | number | { id: string };

/** "a.b[2][id=x].c" (or zod's ['a', 'b', 2]) → its segments. */
export function pathSegments(path: string | readonly PropertyKey[]): Segment[] {
  if (typeof path !== 'string') return path.map((s) => (typeof s === 'number' ? s : String(s)));
  const out: Segment[] = [];
  for (const m of path.matchAll(/\[id=([^\]]+)\]|\[(\d+)\]|(?:^|\.)(\d+)(?=\.|$)|(?:^|\.)([^.[\]]+)/g)) {
    if (m[1] !== undefined) out.push({ id: m[1] });
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(Number(m[3]));
    else out.push(m[4]!);
  }
  return out;
}

/** A list's item by its number or its id: "Prediction 2", "Fault “crash”". */
const ITEMS: Readonly<Record<string, { n: PackKey; id: PackKey }>> = {
  predictions: { n: 'field.prediction', id: 'field.predictionNamed' },
  choices: { n: 'field.choice', id: 'field.choiceNamed' },
  checks: { n: 'field.check', id: 'field.checkNamed' },
  steps: { n: 'field.step', id: 'field.step' },
  objectives: { n: 'field.objective', id: 'field.objective' },
  faults: { n: 'field.fault', id: 'field.faultNamed' },
  parameters: { n: 'field.range', id: 'field.rangeNamed' },
  nodes: { n: 'field.nodeNumber', id: 'field.node' },
  wrongAnswers: { n: 'field.wrongAnswer', id: 'field.wrongAnswerNamed' },
};

/** Single fields by their word. */
const WORDS: Readonly<Record<string, PackKey>> = {
  scenario: 'field.scenario',
  starter: 'field.starter',
  reference: 'field.reference',
  debrief: 'field.debrief',
  instructorNotes: 'field.instructorNotes',
  notesSection: 'field.notesSection',
  title: 'field.title',
  summary: 'field.summary',
  question: 'field.question',
  label: 'field.rangeLabel',
  atMs: 'field.time',
  durationMs: 'field.duration',
  seed: 'field.seed',
  target: 'field.target',
  window: 'field.window',
  feedback: 'field.feedback',
  hint: 'field.hint',
  name: 'field.name',
};

/** Levels that add nothing a reader needs: a choice's text is the choice; the ranges are in the range. */
const SILENT = new Set(['text', 'variants']);

/**
 * A setting's key path in words: each level the properties panel's label for `kind` ("Health check",
 * "Interval"), what follows a level without one (a target's weight) by its key; a setting the kind
 * does not have (or a node of unknown kind) by its key, "setting “maxConcurrent”".
 */
function settingParts(kind: string | undefined, keys: readonly string[]): PackMessage[] {
  const parts: PackMessage[] = [];
  for (let n = 1; n <= keys.length; n++) {
    const key = kind === undefined ? undefined : settingKey(kind, keys.slice(0, n));
    if (key !== undefined && Object.hasOwn(PACK_TEXTS, key)) parts.push(packMessage(key as PackKey));
    else {
      const rest = keys.slice(n - 1).join('.');
      parts.push(n === 1 ? packMessage('field.setting', { key: rest }) : packMessage('field.key', { key: rest }));
      break;
    }
  }
  return parts;
}

/**
 * The field at `path` in words; each level joined as the studio's places are ("A › B"). `kindOf`
 * tells a node's kind, so its settings read as the properties panel labels them.
 */
export function fieldWords(path: string | readonly PropertyKey[], kindOf?: KindOf): PackMessage {
  const segments = pathSegments(path);
  const parts: PackMessage[] = [];
  let node: string | number | undefined;
  for (let i = 0; i < segments.length; i++) {
    const here = segments[i]!;
    const next = segments[i + 1];
    if (typeof here === 'string' && Object.hasOwn(ITEMS, here) && next !== undefined && typeof next !== 'string') {
      const item = ITEMS[here]!;
      parts.push(typeof next === 'number' ? packMessage(item.n, { n: next + 1 }) : packMessage(item.id, { id: next.id }));
      if (here === 'nodes') node = typeof next === 'number' ? next : next.id;
      i++;
    } else if (here === 'props' || here === 'params') {
      // A node's setting by the properties panel's labels; a fault's parameter by its key.
      const keys = segments.slice(i + 1).filter((s): s is string => typeof s === 'string');
      if (keys.length === 0) break;
      if (here === 'props') parts.push(...settingParts(node !== undefined ? kindOf?.(node) : kindOf?.(''), keys));
      else parts.push(packMessage('field.param', { key: keys.join('.') }));
      break;
    } else if (typeof here === 'string') {
      if (SILENT.has(here)) continue;
      parts.push(Object.hasOwn(WORDS, here) ? packMessage(WORDS[here]!) : packMessage('field.key', { key: here }));
    } else {
      parts.push(typeof here === 'number' ? packMessage('field.item', { n: here + 1 }) : packMessage('field.key', { key: here.id }));
    }
  }
  if (parts.length === 0) return packMessage('field.whole');
  return parts.reduce((a, b) => packMessage('field.join', { a, b }));
}

/** A node's setting by its key path (a props issue's path) on a node of `kind`, as `fieldWords` names it inside a node. */
export const settingWords = (path: readonly PropertyKey[], kind: string): PackMessage => fieldWords(['props', ...path], () => kind);

/** A graph's node kinds by id or position, for `fieldWords` (a graph that is not one reads as no kinds). */
export function graphKinds(graph: unknown): KindOf {
  const nodes = (graph as { nodes?: unknown } | null | undefined)?.nodes;
  const list = Array.isArray(nodes) ? (nodes as unknown[]) : [];
  const kindOfNode = (n: unknown): string | undefined => {
    const kind = (n as { kind?: unknown } | null | undefined)?.kind;
    return typeof kind === 'string' ? kind : undefined;
  };
  return (node) => kindOfNode(typeof node === 'number' ? list[node] : list.find((n) => (n as { id?: unknown } | null)?.id === node));
}
