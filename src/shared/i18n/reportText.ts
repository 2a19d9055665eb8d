/**
 * A grade report's notes and check errors in a locale: the stored keys when the report has them
 * and this app knows every one (else the stored English, as older reports and newer apps' keys read).
 */
import type { CheckResult, GradeReport } from '../gradeReport';
import { gradeText, gradeTexts, isKnownGradeMessage, type GradeParamFormat } from './gradeTexts';
import type { Message } from './messages';

/** Names a node by id as the student sees it (shared/nodeNames.ts). */
export type NodeNameOf = (id: string) => string;

/** Parameters that hold a node's id, each with the parameter beside it that holds its name (the starter's English label, which the CLI prints). */
const NODE_PARAMS = [
  ['node', 'name'],
  ['peer', 'peerName'],
] as const;

/** A message's nodes (`node`, `peer`: ids) by their names as the canvas shows them; a name beside each reads the same. */
function namingNodes<M extends Message>(message: M, nameOf: NodeNameOf | undefined): M {
  if (nameOf === undefined || message.params === undefined) return message;
  const params = { ...message.params };
  for (const [idParam, nameParam] of NODE_PARAMS) {
    const id = params[idParam];
    if (typeof id !== 'string') continue;
    const name = nameOf(id);
    params[idParam] = name;
    if (Object.hasOwn(params, nameParam)) params[nameParam] = name;
  }
  return { ...message, params };
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
