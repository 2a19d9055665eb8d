/**
 * Re-grading reports each difference as "checks.<id>: …" (the host's wording, fit for the CSV of
 * bulk grading). The dialog shows the check's title instead, in the app's language.
 */
import type { GradeReport } from '../../../shared/gradeReport';
import { localize } from '../../../shared/i18n';

export function differenceText(difference: string, report: GradeReport, locale: string): string {
  const match = /^checks\.([^:]+): (.*)$/s.exec(difference);
  if (!match) return difference.replace(/^score: /, 'Score: ');
  const check = report.checks.find((c) => c.id === match[1]);
  // A check the lesson no longer has is known only by the id the file gave it.
  const name = check ? localize(check.title, locale) : match[1];
  return `“${name}”: ${match[2]}`;
}
