/**
 * The validator's half of the instructor layer and variants (issue 13): what a schema cannot see
 * alone. Prerequisites name lessons of the pack and do not go round in a circle; every text of the
 * layer is in every locale the pack lists; a prediction's window resolves; a variant's path leads
 * to an existing number (a starter path to a locked node), and its extreme values still make a
 * valid scenario and valid node settings.
 */
import { fieldWords, graphKinds, settingWords } from '../../shared/i18n/fieldWords';
import type { Graph } from '../../shared/graph';
import type { Lesson, LocalizedText } from '../../shared/lesson';
import { parseNodeProps } from '../../shared/nodeProps';
import { faultTimings, resolveWindow } from '../../shared/runWindow';
import { ScenarioSchema } from '../../shared/scenario';
import { parseVariantPath, resolveVariantPath, variantGraph, variantPathNode, variantScenario } from '../../shared/variants';
import { issueOf } from '../../shared/i18n/issues';
import { packMessage, zodIssueMessage, type PackMessage } from '../../shared/i18n/packTexts';
import { problemOf, type Problem } from './crossRefs';

/** Prerequisites: known lesson ids, not the lesson itself, no circle (reported once, on the lesson that closes it). */
export function prerequisiteProblems(lessons: readonly { file: string; lesson: Lesson }[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(lessons.map((l) => [l.lesson.id, l]));
  for (const { file, lesson } of lessons) {
    lesson.prerequisites.forEach((id, i) => {
      if (id === lesson.id) problems.push(problemOf(file, `prerequisites[${i}]`, packMessage('problem.prereqSelf', { lesson: lesson.id })));
      else if (!byId.has(id)) {
        problems.push(problemOf(file, `prerequisites[${i}]`, packMessage('problem.prereqUnknown', { id, lesson: lesson.id, known: [...byId.keys()].join(', ') })));
      }
    });
  }
  // Depth-first search over known ids; a grey node reached again closes a circle.
  const state = new Map<string, 'grey' | 'black'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]) => {
    state.set(id, 'grey');
    const entry = byId.get(id);
    entry?.lesson.prerequisites.forEach((next, i) => {
      if (next === id || !byId.has(next)) return;
      if (state.get(next) === 'grey') {
        const circle = [...trail.slice(trail.indexOf(next)), id, next];
        const key = [...new Set(circle)].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          problems.push(problemOf(entry.file, `prerequisites[${i}]`, packMessage('problem.prereqCircle', { lesson: id, circle: circle.join(' → ') })));
        }
      } else if (!state.has(next)) visit(next, [...trail, id]);
    });
    state.set(id, 'black');
  };
  for (const { lesson } of lessons) if (!state.has(lesson.id)) visit(lesson.id, []);
  return problems;
}

/** The layer's texts and where they sit, for the locale check. */
function layerTexts(lesson: Lesson): { path: string; text: LocalizedText }[] {
  const out: { path: string; text: LocalizedText }[] = [];
  if (lesson.notesSection) out.push({ path: 'notesSection.title', text: lesson.notesSection.title }, { path: 'notesSection.summary', text: lesson.notesSection.summary });
  if (lesson.debrief) out.push({ path: 'debrief', text: lesson.debrief });
  if (lesson.instructorNotes) out.push({ path: 'instructorNotes', text: lesson.instructorNotes });
  lesson.predictions.forEach((p, i) => {
    out.push({ path: `predictions[${i}].question`, text: p.question });
    p.choices.forEach((c, j) => out.push({ path: `predictions[${i}].choices[${j}].text`, text: c.text }));
  });
  lesson.variants?.parameters.forEach((p, i) => out.push({ path: `variants.parameters[${i}].label`, text: p.label }));
  return out;
}

export function lessonInstructorRefs(file: string, lesson: Lesson, starter: Graph | undefined, reference: Graph | undefined, locales: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, text: PackMessage) => problems.push(problemOf(file, path, text));

  for (const { path, text } of layerTexts(lesson)) {
    for (const locale of locales) {
      if ((text[locale] ?? '').trim() === '') add(`${path}.${locale}`, packMessage('problem.missingLocale', { lesson: lesson.id, path: fieldWords(path), locale, locales: locales.join(', ') }));
    }
  }

  const scenario = ScenarioSchema.parse(lesson.scenario);
  lesson.predictions.forEach((p, i) => {
    const window = resolveWindow(p.measure.window, faultTimings(scenario), scenario.durationMs);
    if (!window.ok) add(`predictions[${i}].measure.window`, window.text);
  });

  const variants = lesson.variants;
  if (!variants) return problems;
  const starterKinds = graphKinds(starter);
  variants.parameters.forEach((p, i) => {
    p.sets.forEach((path, j) => {
      const at = `variants.parameters[${i}].sets[${j}]`;
      const { root } = parseVariantPath(path);
      if (root === 'starter') {
        if (!starter) return; // its own problem is reported already
        const node = variantPathNode(path);
        if (node === undefined) return add(at, packMessage('problem.variantNoNode', { lesson: lesson.id, path: fieldWords(path, starterKinds) }));
        if (!lesson.locked.includes(node)) add(at, packMessage('problem.variantNotLocked', { lesson: lesson.id, path: fieldWords(path, starterKinds), node }));
      }
      const resolved = resolveVariantPath(root === 'scenario' ? lesson.scenario : starter, path);
      if (!resolved.ok) add(at, packMessage('problem.variantNotNumber', { lesson: lesson.id, path: fieldWords(path, starterKinds), detail: resolved.text }));
    });
  });
  if (problems.length > 0) return problems;

  // Each end of every range must still make a lesson that loads and whose windows resolve.
  for (const end of ['min', 'max'] as const) {
    const values = Object.fromEntries(variants.parameters.map((p) => [p.id, p[end]]));
    const endWord = packMessage(end === 'min' ? 'word.min' : 'word.max');
    const variant = { seed: 1, values };
    const parsed = ScenarioSchema.safeParse(variantScenario(lesson.scenario, variants, variant));
    if (!parsed.success) {
      // One problem per issue, each worded from zod's data (or as our schema words it).
      for (const x of parsed.error.issues) {
        const { message, zod, text } = issueOf(x);
        add('variants', packMessage('problem.variantScenario', { lesson: lesson.id, end: endWord, where: fieldWords(x.path), detail: (text as PackMessage | undefined) ?? zodIssueMessage(zod, message) }));
      }
      continue;
    }
    const faults = faultTimings(parsed.data);
    lesson.checks.forEach((check, i) => {
      const window = check.type === 'metric' ? check.window : check.type === 'quiz' && typeof check.answer !== 'string' ? check.answer.window : undefined;
      if (window === undefined) return;
      const resolved = resolveWindow(window, faults, parsed.data.durationMs);
      if (!resolved.ok) add(`checks[${i}]`, packMessage('problem.variantWindow', { lesson: lesson.id, end: endWord, detail: resolved.text }));
    });
    for (const [name, graph] of [['starter', starter], ['reference', reference]] as const) {
      if (!graph) continue;
      for (const node of variantGraph(graph, variants, variant).nodes) {
        const props = parseNodeProps(node.kind, node.props);
        if (props.ok) continue;
        for (const x of props.issues) {
          add('variants', packMessage('problem.variantNode', { lesson: lesson.id, end: endWord, graph: packMessage(name === 'starter' ? 'word.starter' : 'word.reference'), node: node.id, where: settingWords(x.path, node.kind), detail: zodIssueMessage(x.zod, x.message) }));
        }
      }
    }
  }
  return problems;
}
