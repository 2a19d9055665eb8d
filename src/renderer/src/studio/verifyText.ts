/**
 * The live verification's words and numbers, pure so they are tested: measured values through the
 * lesson panel's own formatter (shared/i18n/checkValue.ts), the bound in words, and the reasons a
 * design's checks could not be evaluated, each said once in the author's language.
 */
import { boundText, measuredText } from '../../../shared/i18n/checkValue';
import type { GradeParamFormat } from '../../../shared/i18n/gradeTexts';
import { listSeparator } from '../../../shared/i18n/numbers';
import { checkErrorText } from '../../../shared/i18n/reportText';
import type { VerifyCell, VerifyCheckRow, VerifyDesign } from '../../../shared/studio';

/** How many of a cell's values show in the table (all of them in its tooltip). */
export const VALUES_SHOWN = 3;

/** A cell's measured values as the lesson panel writes each: the first few ("0.0%、0.0%、1.2%…") and all of them. */
export function cellValues(row: Pick<VerifyCheckRow, 'unit' | 'bound'>, cell: Pick<VerifyCell, 'measured'>, locale: string): { items: string[]; isCut: boolean; separator: string; shown: string; all: string } {
  const texts = cell.measured.map((v) => measuredText(v, row.unit, row.bound, locale));
  const separator = listSeparator(locale);
  const items = texts.slice(0, VALUES_SHOWN);
  const isCut = texts.length > VALUES_SHOWN;
  return { items, isCut, separator, shown: items.join(separator) + (isCut ? '…' : ''), all: texts.join(separator) };
}

/** The check's bound as the student reads it ("less than 1%", "低于 1%"); undefined for a check without one. */
export const rowBound = (row: Pick<VerifyCheckRow, 'unit' | 'bound'>, locale: string): string | undefined => (row.bound === undefined ? undefined : boundText(row.bound, row.unit, locale));

/** A cell's reason, in `locale` (a fault action by its name there, given `format`). */
export const cellReason = (cell: VerifyCell, locale: string, format?: GradeParamFormat): string | undefined =>
  cell.error === undefined ? undefined : checkErrorText({ error: cell.error.text, ...(cell.error.keys ? { errorKeys: cell.error.keys } : {}) }, locale, format);

/**
 * Per design, the distinct reasons its checks could not be evaluated, in table order: a starter
 * without the node a fault targets fails every run-based check for that one reason, said once.
 */
export function verifyReasons(rows: readonly VerifyCheckRow[], designs: readonly VerifyDesign[], locale: string, format?: GradeParamFormat): { design: VerifyDesign; text: string }[] {
  const reasons: { design: VerifyDesign; text: string }[] = [];
  for (const design of designs) {
    for (const row of rows) {
      const cell = row.designs[design];
      const text = cell ? cellReason(cell, locale, format) : undefined;
      if (text !== undefined && !reasons.some((r) => r.design === design && r.text === text)) reasons.push({ design, text });
    }
  }
  return reasons;
}
