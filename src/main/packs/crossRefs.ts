/**
 * Checks a lesson against its own graphs and scenario: things no schema can see alone, like a
 * check reading a node the graphs do not have, or a window naming a fault never scheduled.
 */
import type { Predicate } from '../../shared/checks';
import type { Graph } from '../../shared/graph';
import type { Lesson } from '../../shared/lesson';
import { ScenarioSchema } from '../../shared/scenario';
import { faultTimings, resolveWindow } from '../grading/window';

export interface Problem {
  /** Pack-relative file the problem is in. */
  file: string;
  /** JSON path inside that file, e.g. "checks[1].window". */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
}

/** Raw HTML in a Markdown step could carry scripts into the lesson panel. */
const RAW_HTML = /<\/?[A-Za-z][^>]*>/;

export function lessonCrossRefs(file: string, lesson: Lesson, starter: Graph | undefined, reference: Graph | undefined): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ file, path, message });
  const nodes = new Set([...(starter?.nodes ?? []), ...(reference?.nodes ?? [])].map((n) => n.id));
  const edges = new Set([...(starter?.edges ?? []), ...(reference?.edges ?? [])].map((e) => e.id));
  const listed = () => [...nodes].sort().slice(0, 20).join(', ');
  const knownNode = (id: string, path: string) => {
    // Without a loadable starter the node list is unknown; its own problem is reported already.
    if (starter !== undefined && !nodes.has(id)) add(path, `unknown node "${id}": expected a node of the starter or reference graph (${listed()})`);
  };

  lesson.locked.forEach((id, i) => knownNode(id, `locked[${i}]`));
  lesson.steps.forEach((step, i) => {
    for (const [locale, text] of Object.entries(step)) if (RAW_HTML.test(text)) add(`steps[${i}].${locale}`, 'raw HTML is not allowed in Markdown steps');
  });

  const scenario = ScenarioSchema.parse(lesson.scenario);
  scenario.faults.forEach((fault, i) => {
    // A heal ends partitions whoever it names, as the simulator reads it; every other action needs its target.
    if (starter !== undefined && fault.action !== 'heal' && !nodes.has(fault.target) && !edges.has(fault.target)) {
      add(`scenario.faults[${i}].target`, `unknown node "${fault.target}": expected a node (or, for link-loss, an edge) of the starter or reference graph (${listed()})`);
    }
    fault.params?.groups?.forEach((group, g) => group.forEach((id, j) => knownNode(id, `scenario.faults[${i}].params.groups[${g}][${j}]`)));
  });

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
      if (!window.ok) add(`${at}.window`, window.error);
    } else if (check.type === 'structure') {
      if (check.require) walk(check.require, `${at}.require`);
      if (check.forbid) walk(check.forbid, `${at}.forbid`);
    } else if (typeof check.answer !== 'string') {
      // A metric-decided answer reads each choice as a node.
      check.choices.forEach((choice, j) => knownNode(choice.id, `${at}.choices[${j}].id`));
      const window = resolveWindow(check.answer.window, faults, scenario.durationMs);
      if (!window.ok) add(`${at}.answer.window`, window.error);
    }
  });
  return problems;
}
