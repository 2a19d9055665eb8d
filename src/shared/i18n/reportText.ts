/**
 * A grade report's notes and check errors in a locale: the stored keys when the report has them
 * and this app knows every one (else the stored English, as older reports and newer apps' keys read).
 */
import type { CheckResult, GradeReport } from '../gradeReport';
import { gradeText, gradeTexts, isKnownGradeMessage, type GradeParamFormat } from './gradeTexts';
import type { Message } from './messages';

/** Names a node by id as the student sees it (shared/nodeNames.ts). */
export type NodeNameOf = (id: string) => string;

/**
 * A message's node (`node`, an id) by its name as the canvas shows it; a `name` beside it (the
 * starter's English label, which the CLI prints) reads the same.
 */
function namingNodes<M extends Message>(message: M, nameOf: NodeNameOf | undefined): M {
  const node = message.params?.node;
  if (nameOf === undefined || typeof node !== 'string') return message;
  const name = nameOf(node);
  return { ...message, params: { ...message.params, node: name, ...(Object.hasOwn(message.params!, 'name') ? { name } : {}) } };
}

/** The report's notes, one per line, in `locale` (`format`: how a parameter such as a kind id reads; `nameOf`: a node's name). */
export function reportNotes(report: { notes?: readonly string[]; noteKeys?: GradeReport['noteKeys'] }, locale: string, format?: GradeParamFormat, nameOf?: NodeNameOf): string[] {
  const notes = report.notes ?? [];
  const keys = report.noteKeys?.map((k) => namingNodes(k, nameOf));
  if (keys === undefined || keys.length !== notes.length) return [...notes];
  return notes.map((note, i) => (isKnownGradeMessage(keys[i]!) ? gradeText(keys[i]!, locale, format) : note));
}

/** Why the check could not be evaluated, in `locale` (a fault action by its name there, given `format`); undefined when it could. */
export function checkErrorText(check: Pick<CheckResult, 'error' | 'errorKeys'>, locale: string, format?: GradeParamFormat, nameOf?: NodeNameOf): string | undefined {
  if (check.error === undefined) return undefined;
  const keys = check.errorKeys?.map((k) => namingNodes(k, nameOf));
  return keys !== undefined && keys.length > 0 && keys.every(isKnownGradeMessage) ? gradeTexts(keys, locale, format) : check.error;
}
