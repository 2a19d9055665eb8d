/**
 * A check's numbers as a student reads them, one formatter for every place they appear: the
 * measured line of the check results, the bound beside it, and the {measured}/{bound} grading
 * fills into the lesson's feedback (in each of the feedback's languages). Bounds read in words
 * ("at most 3,000 ms", "至多 3,000毫秒", "exactly 0"), never `<=`/`==`.
 *
 * A report keeps its `bound` as the grader has always written it ("<= 3000 ms", "count >= 4": the
 * CLI, the grades CSV and older apps read it); `boundText` words that stored form at display time,
 * so an older report reads the same way, and shows it unchanged when it cannot be read.
 */
import { COMPARE_OPS, type CompareOp } from '../checks';
import { gradeMessage, gradeText, type GradeKey } from './gradeTexts';
import { formatNumber, formatPercent, formatValue, nf, perSecond } from './numbers';

type Scalar = string | number | boolean;

const BOUND_WORDS: Record<CompareOp, GradeKey> = { '<': 'bound.lt', '<=': 'bound.le', '==': 'bound.eq', '>=': 'bound.ge', '>': 'bound.gt', '!=': 'bound.ne' };
const NEGATED: Record<CompareOp, CompareOp> = { '<': '>=', '<=': '>', '==': '!=', '>=': '<', '>': '<=', '!=': '==' };

const partitions = (count: number, locale: string) => gradeText(gradeMessage('unit.partitions', { count: Math.round(count) }), locale);

/** A number at `digits` fraction digits in its unit (the measured line's forms). */
function numberIn(value: number, unit: string | undefined, locale: string, digits: number): string {
  switch (unit) {
    case 'fraction':
      return formatPercent(value, locale, digits);
    case 'ms':
      return nf(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    case 'per-second':
      return perSecond(value, locale, digits);
    case 'partitions':
      return partitions(value, locale);
    default:
      return formatNumber(value, locale, digits);
  }
}

/** The fraction digits a measured value shows: 5.5%, 0.25%, 272.4 ms, 884.0/s, 1.37, 12. */
function measuredDigits(value: number, unit: string | undefined): number {
  if (unit === 'fraction') return value !== 0 && Math.abs(value) < 0.01 ? 2 : 1;
  if (unit === 'ms' || unit === 'per-second') return 1;
  if (unit === 'partitions' || Number.isInteger(value)) return 0;
  return Math.abs(value) >= 100 ? 0 : 2;
}

/**
 * A bound's value as written, without trailing zeros: "1%", "3,000 ms", "900/s", "0.5".
 */
export function formatBoundValue(value: Scalar, unit: string | undefined, locale: string): string {
  if (typeof value !== 'number') return String(value);
  const most = { minimumFractionDigits: 0, maximumFractionDigits: 3 };
  switch (unit) {
    case 'fraction':
      return nf(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value);
    case 'ms':
      return nf(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', ...most }).format(value);
    case 'per-second':
      return `${nf(locale, most).format(value)}/${locale.startsWith('zh') ? '秒' : 's'}`;
    case 'partitions':
      return partitions(value, locale);
    default:
      return nf(locale, most).format(value);
  }
}

/**
 * A measured value (a metric's, a count, a quiz answer) as the check results show it. With the
 * bound's value, a number that would read the same as the bound ("5.0%" against "5%") gets the
 * digits that tell them apart.
 */
export function formatCheckValue(value: Scalar, unit: string | undefined, locale: string, bound?: Scalar): string {
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return formatValue(value, 'count', locale);
  let digits = measuredDigits(value, unit);
  const text = (d: number) => numberIn(value, unit, locale, d);
  if (typeof bound === 'number' && bound !== value && unit !== 'partitions') {
    // As shown, the value is rounded at `digits` (in percent for a fraction): equal to the bound, it needs more.
    const scale = unit === 'fraction' ? 100 : 1;
    const shownEqual = (d: number) => Math.abs(Number((value * scale).toFixed(d)) - bound * scale) < 1e-9;
    const most = digits + 3;
    while (digits < most && shownEqual(digits)) digits++;
  }
  return text(digits);
}

/**
 * A check's measured value as every screen shows it (the lesson's results, class results, the
 * studio's live verification): '—' when nothing was measured, else formatCheckValue with the
 * digits that tell it apart from the stored bound.
 */
export const measuredText = (measured: Scalar | null, unit: string | undefined, bound: string | null | undefined, locale: string): string =>
  measured === null ? '—' : formatCheckValue(measured, unit, locale, boundValue(bound ?? null, unit));

/** "at most 3,000 ms" / "至多 3,000毫秒". */
export const boundWords = (op: CompareOp, value: Scalar, unit: string | undefined, locale: string): string =>
  gradeText(gradeMessage(BOUND_WORDS[op], { value: formatBoundValue(value, unit, locale) }), locale);

/** A stored bound read back: "<= 3000 ms", "< 1%", "== 0", "not count == 0" (structure checks). */
export function parseBound(bound: string, unit?: string): { op: CompareOp; value: Scalar } | undefined {
  const match = /^(not )?(?:count )?(<=|>=|==|!=|<|>) (.+)$/.exec(bound);
  if (!match) return undefined;
  const op = match[2] as CompareOp;
  if (!COMPARE_OPS.includes(op)) return undefined;
  const suffix = unit === 'fraction' ? '%' : unit === 'ms' ? ' ms' : unit === 'per-second' ? '/s' : '';
  let text = match[3]!;
  if (suffix !== '') {
    if (!text.endsWith(suffix)) return undefined;
    text = text.slice(0, -suffix.length);
  }
  let value: Scalar = text;
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) value = Number(text) / (unit === 'fraction' ? 100 : 1);
  else if (suffix !== '' || unit !== undefined) return undefined;
  else if (text === 'true' || text === 'false') value = text === 'true';
  return { op: match[1] ? NEGATED[op] : op, value };
}

/** A stored bound in words in `locale` ("at most 3,000 ms"); as stored when it cannot be read. */
export function boundText(bound: string, unit: string | undefined, locale: string): string {
  const parsed = parseBound(bound, unit);
  return parsed ? boundWords(parsed.op, parsed.value, unit, locale) : bound;
}

/** The number a stored bound compares with, for formatCheckValue's digits. */
export const boundValue = (bound: string | null, unit: string | undefined): Scalar | undefined => (bound === null ? undefined : parseBound(bound, unit)?.value);
