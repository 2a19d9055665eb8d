/**
 * The validator's half of a lesson's node names (`nodeNames`, shared/nodeNames.ts): each names a
 * node of the lesson's graphs (its starter, reference or a wrong answer's added nodes), its English
 * is that node's label there (else the starter's node would never show the names), and it is
 * written in every locale the pack lists.
 */
import type { Graph } from '../../shared/graph';
import type { Lesson } from '../../shared/lesson';
import { packMessage, type PackMessage } from '../../shared/i18n/packTexts';
import { problemOf, type Problem } from './crossRefs';

export function lessonNodeNameRefs(file: string, lesson: Lesson, starter: Graph | undefined, reference: Graph | undefined, locales: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const names = lesson.nodeNames;
  // Without a loadable starter the node list is unknown; its own problem is reported already.
  if (!names || !starter) return problems;
  const add = (path: string, text: PackMessage) => problems.push(problemOf(file, path, text));
  const graphs: { where: string | PackMessage; nodes: readonly { id: string; label: string }[] }[] = [
    { where: lesson.starter, nodes: starter.nodes },
    ...(reference && lesson.reference ? [{ where: lesson.reference, nodes: reference.nodes }] : []),
    ...lesson.wrongAnswers.map((w) => ({ where: packMessage('word.wrongAnswer', { id: w.id }), nodes: w.edit.addNodes })),
  ];
  const known = new Set(graphs.flatMap((g) => g.nodes.map((n) => n.id)));
  for (const [id, name] of Object.entries(names)) {
    const at = `nodeNames.${id}`;
    if (!known.has(id)) {
      add(at, packMessage('problem.nameUnknownNode', { lesson: lesson.id, id, known: [...known].sort().slice(0, 20).join(', ') }));
      continue;
    }
    for (const g of graphs) {
      const node = g.nodes.find((n) => n.id === id);
      if (node && node.label !== name.en) add(`${at}.en`, packMessage('problem.nameMismatch', { lesson: lesson.id, id, name: name.en, where: g.where, label: node.label }));
    }
    for (const locale of locales) {
      if ((name[locale] ?? '').trim() === '') add(`${at}.${locale}`, packMessage('problem.nameMissingLocale', { lesson: lesson.id, id, locale, locales: locales.join(', ') }));
    }
  }
  return problems;
}
