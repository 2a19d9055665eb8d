/**
 * A grade report's notes and check errors in a locale: the stored keys when the report has them
 * and this app knows every one (else the stored English, as older reports and newer apps' keys read).
 */
import type { CheckResult, GradeReport } from '../gradeReport';
import { gradeText, gradeTexts, isKnownGradeMessage, type GradeParamFormat } from './gradeTexts';

/** The report's notes, one per line, in `locale` (`format`: how a parameter such as a kind id reads). */
export function reportNotes(report: { notes?: readonly string[]; noteKeys?: GradeReport['noteKeys'] }, locale: string, format?: GradeParamFormat): string[] {
  const notes = report.notes ?? [];
  const keys = report.noteKeys;
  if (keys === undefined || keys.length !== notes.length) return [...notes];
  return notes.map((note, i) => (isKnownGradeMessage(keys[i]!) ? gradeText(keys[i]!, locale, format) : note));
}

/** Why the check could not be evaluated, in `locale` (a fault action by its name there, given `format`); undefined when it could. */
export function checkErrorText(check: Pick<CheckResult, 'error' | 'errorKeys'>, locale: string, format?: GradeParamFormat): string | undefined {
  if (check.error === undefined) return undefined;
  const keys = check.errorKeys;
  return keys !== undefined && keys.length > 0 && keys.every(isKnownGradeMessage) ? gradeTexts(keys, locale, format) : check.error;
}
