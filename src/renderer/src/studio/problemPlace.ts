/**
 * Where in the studio a pack problem is fixed: the validator names a file and a JSON path
 * ("lessons/01-x.lesson.json", "checks[0].window"), which an author who never saw the files cannot
 * follow. This says the same place as the studio shows it (the tab, then the check, step or range
 * by its name) and which lesson, tab and check to open. Pure: the panel words it and goes there.
 */
import type { Message } from '../../../shared/i18n/messages';
import type { StudioProblem } from '../../../shared/studio';
import { checkName, plainMarkdown } from './checkName';

export type StudioTab = 'texts' | 'design' | 'scenario' | 'checks';

/** A place's words: a key of the studio namespace's `place` group with its parameters. */
export type PlaceKey =
  | 'packTitle'
  | 'pack'
  | 'lessonId'
  | 'title'
  | 'objective'
  | 'step'
  | 'texts'
  | 'checks'
  | 'check'
  | 'predictions'
  | 'prediction'
  | 'fault'
  | 'scenario'
  | 'range'
  | 'ranges'
  | 'starter'
  | 'reference'
  | 'wrongAnswer'
  | 'nodeNames'
  | 'designs';

export interface ProblemPlace {
  /** The draft's lesson the problem is in; undefined for the pack's own file. */
  lessonIndex?: number;
  tab: StudioTab;
  /** The check to select in the Checks tab. */
  checkIndex?: number;
  key: PlaceKey;
  params: Record<string, string | number>;
}

/** The parts of a lesson a place is named from (the draft's lesson document, loosely typed). */
interface LessonLike {
  checks?: readonly { id?: string; type?: string; title?: Record<string, string | undefined>; question?: Record<string, string | undefined> }[];
  variants?: { parameters?: readonly { id?: string; label?: Record<string, string | undefined> }[] };
  wrongAnswers?: readonly { id?: string; name?: Record<string, string | undefined> }[];
}

/** "lessons/03-x.lesson.json" or "graphs/03-x.starter.json" → 2; the pack's own file → undefined. */
export function lessonIndexOfFile(file: string): number | undefined {
  const m = /^(?:lessons|graphs)\/(\d+)-/.exec(file);
  return m ? Number(m[1]) - 1 : undefined;
}

/** "checks[2].window" → ["checks", 2]; "title.zh-CN" → ["title", undefined]. */
function head(path: string): [string, number | undefined, string] {
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?\.?(.*)$/.exec(path);
  if (!m) return ['', undefined, path];
  return [m[1]!, m[2] === undefined ? undefined : Number(m[2]), m[3] ?? ''];
}

const named = (text: Record<string, string | undefined> | undefined, locale: string, fallback: string) => text?.[locale]?.trim() || text?.en?.trim() || fallback;

export function problemPlace(problem: Pick<StudioProblem, 'file' | 'path'>, lessons: readonly (LessonLike | undefined)[], locale: string): ProblemPlace {
  const lessonIndex = lessonIndexOfFile(problem.file);
  if (lessonIndex === undefined) {
    return { tab: 'texts', key: head(problem.path)[0] === 'title' ? 'packTitle' : 'pack', params: {} };
  }
  const at = (tab: StudioTab, key: PlaceKey, params: Record<string, string | number> = {}, checkIndex?: number): ProblemPlace => ({ lessonIndex, tab, key, params, ...(checkIndex !== undefined ? { checkIndex } : {}) });
  if (problem.file.endsWith('.starter.json')) return at('design', 'starter');
  if (problem.file.endsWith('.reference.json')) return at('design', 'reference');
  const lesson = lessons[lessonIndex];
  const [name, index, rest] = head(problem.path);
  const n = { n: (index ?? 0) + 1 };
  switch (name) {
    case 'id':
      return at('texts', 'lessonId');
    case 'title':
      return at('texts', 'title');
    case 'objectives': {
      // Objectives are one list per locale: "objectives.en[1]".
      const row = /\[(\d+)\]/.exec(rest);
      return row ? at('texts', 'objective', { n: Number(row[1]) + 1 }) : at('texts', 'texts');
    }
    case 'steps':
      return index === undefined ? at('texts', 'texts') : at('texts', 'step', n);
    case 'checks': {
      if (index === undefined) return at('checks', 'checks');
      const check = lesson?.checks?.[index];
      // As the Checks tab names it (a quiz by its question), in plain words: the place is a button's text.
      return at('checks', 'check', { name: check?.id ? plainMarkdown(checkName({ ...check, id: check.id }, locale)) : named(check?.title, locale, String(index + 1)) }, index);
    }
    case 'predictions':
      return index === undefined ? at('checks', 'predictions') : at('checks', 'prediction', n);
    case 'scenario': {
      const fault = /^faults\[(\d+)\]/.exec(rest);
      return fault ? at('scenario', 'fault', { n: Number(fault[1]) + 1 }) : at('scenario', 'scenario');
    }
    case 'variants': {
      const param = /^parameters\[(\d+)\]/.exec(rest);
      if (!param) return at('scenario', 'ranges');
      const p = lesson?.variants?.parameters?.[Number(param[1])];
      return at('scenario', 'range', { name: named(p?.label, locale, p?.id ?? String(Number(param[1]) + 1)) });
    }
    case 'wrongAnswers': {
      const w = index === undefined ? undefined : lesson?.wrongAnswers?.[index];
      return at('design', 'wrongAnswer', { name: named(w?.name, locale, w?.id ?? '') });
    }
    case 'nodeNames':
      return at('design', 'nodeNames');
    case 'starter':
      return at('design', 'starter');
    case 'reference':
      return at('design', 'reference');
    case 'locked':
    case 'lockedProps':
    case 'palette':
      return at('design', 'designs');
    default:
      return at('texts', 'texts');
  }
}

/** Messages whose `node` parameter is a node of the lesson's starter or reference by its id. */
const NODE_PARAM_KEYS = new Set(['problem.variantNotLocked', 'problem.variantNode']);

/**
 * A problem of the open lesson with its nodes named as the canvas names them ("节点“用户”", not
 * "节点“users”") and the lesson by its title: the validator names both by id (what the CLI prints
 * beside the file); the studio shows the same sentence with the names, the file and path in its tooltip.
 */
export function withNodeNames<M extends Message>(message: M, nameOf: (id: string) => string, lesson?: { id: string; title: string }): M {
  const params = message.params;
  if (!params) return message;
  const named = Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (typeof value === 'object') return [name, withNodeNames(value, nameOf, lesson)];
      const isNode = (message.key === 'field.node' && name === 'id') || (NODE_PARAM_KEYS.has(message.key) && name === 'node');
      // The lesson by its title, as the studio's lesson picker names it.
      if (name === 'lesson' && lesson && value === lesson.id) return [name, lesson.title];
      return [name, isNode && typeof value === 'string' ? nameOf(value) : value];
    }),
  );
  return { ...message, params: named };
}
