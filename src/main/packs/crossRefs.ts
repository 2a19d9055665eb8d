/**
 * Checks a lesson against its own graphs and scenario: things no schema can see alone, like a
 * check reading a node the graphs do not have, or a window naming a fault never scheduled.
 */
import { messageText } from '../../shared/i18n/errorTexts';
import type { ZodIssueData } from '../../shared/i18n/issues';
import { orList, packMessage, type PackMessage } from '../../shared/i18n/packTexts';
import type { Predicate } from '../../shared/checks';
import type { Graph } from '../../shared/graph';
import type { Lesson } from '../../shared/lesson';
import { FAULTS, faultTargetIssues } from '../../shared/faults';
import { GLOSSARY, unknownGlossaryLinks } from '../../shared/glossary';
import { graphEditIssues } from '../../shared/graphEdit';
import { ScenarioSchema } from '../../shared/scenario';
import { faultTimings, resolveWindow } from '../grading/window';

export interface Problem {
  /** Pack-relative file the problem is in. */
  file: string;
  /** JSON path inside that file, e.g. "checks[1].window". */
  path: string;
  /** What is wrong and what was expected, in English (what `npm run pack:validate` prints). */
  message: string;
  /** The same as a message of PACK_TEXTS (src/shared/i18n/packTexts.ts): what the app shows, in its language. */
  text: PackMessage;
  /** zod's data for a schema problem in zod's own words, so it can be shown in the student's language. */
  zod?: ZodIssueData;
}

/** A problem from its message: the English `message` is made from it. */
export const problemOf = (file: string, path: string, text: PackMessage, zod?: ZodIssueData): Problem => ({ file, path, message: messageText(text, 'en'), text, ...(zod ? { zod } : {}) });

/** Raw HTML in a Markdown step could carry scripts into the lesson panel. */
const RAW_HTML = /<\/?[A-Za-z][^>]*>/;

export function lessonCrossRefs(file: string, lesson: Lesson, starter: Graph | undefined, reference: Graph | undefined): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, text: PackMessage) => problems.push(problemOf(file, path, text));
  const nodes = new Set([...(starter?.nodes ?? []), ...(reference?.nodes ?? [])].map((n) => n.id));
  const listed = () => [...nodes].sort().slice(0, 20).join(', ');
  const knownNode = (id: string, path: string) => {
    // Without a loadable starter the node list is unknown; its own problem is reported already.
    if (starter !== undefined && !nodes.has(id)) add(path, packMessage('problem.unknownNode', { id, known: listed() }));
  };

  lesson.locked.forEach((id, i) => knownNode(id, `locked[${i}]`));
  lesson.steps.forEach((step, i) => {
    for (const [locale, text] of Object.entries(step)) {
      if (RAW_HTML.test(text)) add(`steps[${i}].${locale}`, packMessage('problem.rawHtml'));
      for (const id of unknownGlossaryLinks(text)) add(`steps[${i}].${locale}`, packMessage('problem.unknownGlossary', { id, known: GLOSSARY.map((e) => e.id).join(', ') }));
    }
  });

  const scenario = ScenarioSchema.parse(lesson.scenario);
  // Without a loadable starter the node list is unknown; its own problem is reported already.
  if (starter !== undefined) {
    // A node of either graph will do (the reference may add one); the same check grading makes.
    const design = { nodes: [...starter.nodes, ...(reference?.nodes ?? [])], edges: [...starter.edges, ...(reference?.edges ?? [])] };
    scenario.faults.forEach((fault, i) => {
      for (const issue of faultTargetIssues(fault, design)) {
        const path = `scenario.faults[${i}]${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`;
        const orEdge = issue.path[0] === 'target' && FAULTS[fault.action].target.isEdgeAllowed;
        if (issue.kind === 'missing') add(path, packMessage(orEdge ? 'problem.unknownNodeOrEdge' : 'problem.unknownNode', { id: issue.id, known: listed() }));
        else add(path, packMessage(issue.isSelector ? 'problem.faultSelectorKind' : 'problem.faultWrongKind', { action: fault.action, kinds: orList(issue.kinds), id: issue.id, found: issue.found }));
      }
    });
  }

  const faults = faultTimings(scenario);
  const walk = (predicate: Predicate, path: string) => {
    const match = (m: { id?: string | undefined }, at: string) => {
      if (m.id !== undefined) knownNode(m.id, `${at}.id`);
    };
    if ('node' in predicate) match(predicate.node, `${path}.node`);
    else if ('path' in predicate) {
      match(predicate.path.from, `${path}.path.from`);
      match(predicate.path.to, `${path}.path.to`);
      if (predicate.path.via) match(predicate.path.via, `${path}.path.via`);
    } else if ('count' in predicate) match(predicate.count.node, `${path}.count.node`);
    else if ('prop' in predicate) match(predicate.prop.node, `${path}.prop.node`);
    else if ('anyOf' in predicate) predicate.anyOf.forEach((p, i) => walk(p, `${path}.anyOf[${i}]`));
    else if ('allOf' in predicate) predicate.allOf.forEach((p, i) => walk(p, `${path}.allOf[${i}]`));
    else walk(predicate.not, `${path}.not`);
  };

  lesson.checks.forEach((check, i) => {
    const at = `checks[${i}]`;
    if (check.type === 'metric') {
      if (check.node !== undefined) knownNode(check.node, `${at}.node`);
      const window = resolveWindow(check.window, faults, scenario.durationMs);
      if (!window.ok) add(`${at}.window`, window.text);
    } else if (check.type === 'structure') {
      if (check.require) walk(check.require, `${at}.require`);
      if (check.forbid) walk(check.forbid, `${at}.forbid`);
    } else if (typeof check.answer !== 'string') {
      // A metric-decided answer reads each choice as a node.
      check.choices.forEach((choice, j) => knownNode(choice.id, `${at}.choices[${j}].id`));
      const window = resolveWindow(check.answer.window, faults, scenario.durationMs);
      if (!window.ok) add(`${at}.answer.window`, window.text);
    }
  });
  if (starter !== undefined) {
    const starterNodes = new Set(starter.nodes.map((n) => n.id));
    for (const id of Object.keys(lesson.lockedProps)) {
      if (!starterNodes.has(id)) add(`lockedProps.${id}`, packMessage('problem.lockedPropsUnknown', { lesson: lesson.id, id }));
    }
  }
  // Common wrong answers are edits of the starter: what they name must be there, and grading
  // restores locked nodes, so an edit of one would be undone.
  if (starter !== undefined) {
    lesson.wrongAnswers.forEach((wrong, i) => {
      const at = `wrongAnswers[${i}].edit`;
      for (const [path, , detail] of graphEditIssues(starter, wrong.edit)) add(`${at}.${path}`, packMessage('problem.wrongAnswer', { wrong: wrong.id, lesson: lesson.id, detail }));
      const locked = new Set(lesson.locked);
      for (const id of [...Object.keys(wrong.edit.setProps), ...wrong.edit.removeNodes]) {
        if (locked.has(id)) add(at, packMessage('problem.wrongAnswerLocked', { wrong: wrong.id, lesson: lesson.id, id }));
      }
    });
  }
  // A wrong answer that fails only checks worth 0 points scores full marks: the lesson would teach it.
  // (pack:validate --run proves it fails what it names; this makes sure one of those is scored.)
  const points = new Map(lesson.checks.map((c) => [c.id, c.type === 'quiz' ? 0 : c.points]));
  lesson.wrongAnswers.forEach((wrong, i) => {
    if (wrong.fails.some((id) => (points.get(id) ?? 0) > 0)) return;
    add(`wrongAnswers[${i}].fails`, packMessage('problem.wrongAnswerFree', { wrong: wrong.id, lesson: lesson.id, checks: wrong.fails.join(', ') }));
  });
  return problems;
}
