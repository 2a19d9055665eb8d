/**
 * A grade report's notes and check errors in a locale: the stored keys when the report has them
 * and this app knows every one (else the stored English, as older reports and newer apps' keys read).
 */
import type { CheckResult, GradeReport } from '../gradeReport';
import { gradeText, gradeTexts, isKnownGradeMessage } from './gradeTexts';

/** The report's notes, one per line, in `locale`. */
export function reportNotes(report: { notes?: readonly string[]; noteKeys?: GradeReport['noteKeys'] }, locale: string): string[] {
  const notes = report.notes ?? [];
  const keys = report.noteKeys;
  if (keys === undefined || keys.length !== notes.length) return [...notes];
  return notes.map((note, i) => (isKnownGradeMessage(keys[i]!) ? gradeText(keys[i]!, locale) : note));
}

/** Why the check could not be evaluated, in `locale`; undefined when it could. */
export function checkErrorText(check: Pick<CheckResult, 'error' | 'errorKeys'>, locale: string): string | undefined {
  if (check.error === undefined) return undefined;
  const keys = check.errorKeys;
  return keys !== undefined && keys.length > 0 && keys.every(isKnownGradeMessage) ? gradeTexts(keys, locale) : check.error;
}
