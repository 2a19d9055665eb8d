/**
 * A pack problem's sentence with its lesson and nodes named as the studio shows them, whichever
 * lesson of the draft it is in: the lesson by its title (as the lesson picker names it), its nodes
 * as its canvas names them (its starter's and reference's labels and the lesson's own names in the
 * app's language). The validator names both by id (what the CLI prints beside the file).
 */
import type { Message } from '../../../shared/i18n/messages';
import { NodeNamesSchema, nodeNamer } from '../../../shared/nodeNames';
import type { StudioLesson } from '../../../shared/studio';
import { lessonName } from './checkName';
import { withNodeNames } from './problemPlace';

type LessonDocLike = { id?: string; title?: Record<string, string | undefined>; nodeNames?: unknown };

/** `text` of a problem of lesson `lessonIndex` (undefined: the pack's own file, left as it is) with names for ids. */
export function namedProblemText<M extends Message>(text: M, lessonIndex: number | undefined, lessons: readonly StudioLesson[], locale: string): M {
  const entry = lessonIndex === undefined ? undefined : lessons[lessonIndex];
  if (!entry || lessonIndex === undefined) return text;
  const doc = entry.lesson as LessonDocLike;
  // A draft's names may not validate yet: then the labels name the nodes.
  const parsed = NodeNamesSchema.safeParse(doc.nodeNames);
  const names = doc.nodeNames !== undefined && parsed.success ? parsed.data : undefined;
  // The starter's node wins where both have it (a student starts from it), as the open lesson's namer has it.
  const nodes = [...(entry.reference?.nodes ?? []), ...entry.starter.nodes];
  const edges = [...(entry.reference?.edges ?? []), ...entry.starter.edges];
  const nameOf = nodeNamer(nodes, names, locale, edges);
  return withNodeNames(text, nameOf, doc.id === undefined ? undefined : { id: doc.id, title: lessonName(doc, locale, lessonIndex) });
}
