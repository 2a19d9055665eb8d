/**
 * What re-grading found different from a submission's stored grade, in the app's language: each
 * difference's key of GRADE_TEXTS (Regrade.differenceKeys) with the check named by its title; a
 * host without the keys (or with a key this app does not know) leaves the English line, whose
 * "checks.<id>: …" becomes the check's title.
 */
import type { GradeReport } from '../../../shared/gradeReport';
import { localize } from '../../../shared/i18n';
import { gradeText, isKnownGradeMessage, type GradeMessage } from '../../../shared/i18n/gradeTexts';

export function differenceText(difference: string, report: GradeReport, locale: string, key?: GradeMessage): string {
  // A check the lesson no longer has is known only by the id the file gave it.
  const title = (id: string) => {
    const check = report.checks.find((c) => c.id === id);
    return `“${check ? localize(check.title, locale) : id}”`;
  };
  if (key && isKnownGradeMessage(key)) {
    const check = key.params?.check;
    return gradeText(typeof check === 'string' ? { ...key, params: { ...key.params, check: title(check) } } : key, locale);
  }
  const match = /^checks\.([^:]+): (.*)$/s.exec(difference);
  if (!match) return difference.replace(/^score: /, 'Score: ');
  return `${title(match[1]!)}: ${match[2]}`;
}
