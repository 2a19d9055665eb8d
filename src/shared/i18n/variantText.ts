/**
 * A student's variant in words (pure): each value by the lesson's own label for its parameter, in
 * the reader's language, with its unit ("API 2 crashes at: 11.5 s", "API 实例 2 崩溃时间：11.5秒"), as
 * the student's variant card and the studio's preview show it. The re-grade note that the file
 * records other numbers than the student's name gives is a message of GRADE_TEXTS whose values
 * are `variant.value.<unit>` messages naming the parameter by id; `variantParamFormat` words them.
 */
import { localize } from '../i18n';
import type { VariantParameter } from '../variants';
import type { GradeParamFormat } from './gradeTexts';
import { formatNumber, formatSeconds, formatValue, labelColon, listSeparator } from './numbers';

/** What a note needs of a lesson's parameter: its id, its label in each language, its unit. */
export type VariantLabel = Pick<VariantParameter, 'id' | 'label' | 'unit'>;

/** A parameter's value as the student reads it: a time in seconds, a rate in req/s, else a number. */
export function formatParameter(p: Pick<VariantParameter, 'unit'>, value: number, locale: string): string {
  if (p.unit === 'ms') return formatSeconds(value, locale, value % 1000 === 0 ? 0 : 1);
  if (p.unit === 'rps') return formatValue(value, 'rps', locale);
  return formatNumber(value, locale, Number.isInteger(value) ? 0 : 2);
}

/**
 * How a variant message's parameters read in `locale`: `parameter` (an id) by the lesson's label,
 * `ms`, `rps` and `number` as formatParameter words them; any other parameter goes to `otherwise`
 * (as stored when absent). An id the lesson no longer has reads as the id.
 */
export function variantParamFormat(parameters: readonly VariantLabel[] | undefined, locale: string, otherwise?: GradeParamFormat): GradeParamFormat {
  return (name, value) => {
    if (name === 'parameter') {
      const p = parameters?.find((x) => x.id === value);
      return p ? localize(p.label, locale) : String(value);
    }
    if (typeof value === 'number' && (name === 'ms' || name === 'rps' || name === 'number')) return formatParameter({ unit: name === 'number' ? 'count' : name }, value, locale);
    return otherwise ? otherwise(name, value) : String(value);
  };
}

/** A student's values in a line, in the lesson's parameter order: "API 2 crashes at: 11.5 s, Request rate of the users: 650 req/s" (an id the lesson lacks by its id). */
export function variantValuesText(parameters: readonly VariantLabel[] | undefined, values: Readonly<Record<string, number>>, locale: string): string {
  const known = (parameters ?? []).filter((p) => values[p.id] !== undefined).map((p) => `${localize(p.label, locale)}${labelColon(locale)}${formatParameter(p, values[p.id]!, locale)}`);
  const others = Object.entries(values)
    .filter(([id]) => !(parameters ?? []).some((p) => p.id === id))
    .map(([id, value]) => `${id}${labelColon(locale)}${formatParameter({}, value, locale)}`);
  return [...known, ...others].join(listSeparator(locale));
}
