/**
 * Numbers, percentages and durations in the student's locale (Intl), never "NaN": the metric
 * readouts, charts, Compare and the timeline all format through here, and so do a check's measured
 * line and the numbers grading fills into its feedback (checkValue.ts), so a student reads one
 * number the same way everywhere. Pure (Intl only): the renderer and main both use it.
 */
export type Unit = 'rps' | 'per-second' | 'fraction' | 'ms' | 'count' | 'ratio' | 'partitions';

const cache = new Map<string, Intl.NumberFormat>();
export function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}
const digits = (n: number): Intl.NumberFormatOptions => ({ minimumFractionDigits: n, maximumFractionDigits: n });

export const formatNumber = (v: number, locale: string, fractionDigits = 0) => nf(locale, digits(fractionDigits)).format(v);
/**
 * A number as it was written, its digits grouped: "100,000", "0.25", "1,000,000" (a limit or a
 * range's step in a pack problem), neither rounded nor padded; not finite, as itself.
 */
export const formatWrittenNumber = (v: number, locale: string): string => (Number.isFinite(v) ? nf(locale, { maximumFractionDigits: 20 }).format(v) : String(v));
export const formatPercent = (fraction: number, locale: string, fractionDigits = 1) => nf(locale, { style: 'percent', ...digits(fractionDigits) }).format(fraction);
/** Seconds in `locale` with `fraction`'s digits: English keeps the lab's short "s" (Intl's is "sec"), 简体中文 Intl's "秒". */
const seconds = (s: number, locale: string, fraction: Intl.NumberFormatOptions) =>
  locale.startsWith('en') ? `${nf(locale, fraction).format(s)} s` : nf(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', ...fraction }).format(s);
/** "12.5 s" / "12.5秒". */
export const formatSeconds = (ms: number, locale: string, fractionDigits = 1) => seconds(ms / 1000, locale, digits(fractionDigits));
/**
 * A moment of a run, one way wherever the lab names one to the simulator's precision (its clock is in
 * microseconds): the event log, the Step readout, a request's trace and a user's journey. Under a
 * second in milliseconds, to the microsecond where it falls between them ("1.518 ms" / "1.518毫秒",
 * "250 ms"); from a second on in seconds to the millisecond, and to the microsecond where it falls
 * between milliseconds ("12.000 s", "12.000127 s" / "12.000127秒"), so two Steps a few microseconds
 * apart read apart (always three or six decimals then: "12.000420 s", not "12.00042 s"). No digits grouped
 * inside a fraction (the log read "0.001 518秒" for 1.518 ms).
 */
export function formatEventTime(ms: number, locale: string): string {
  const us = Math.round(ms * 1000);
  const isWholeMs = us % 1000 === 0;
  if (Math.abs(us) < 1_000_000) return formatMs(us / 1000, locale, isWholeMs ? 0 : 3);
  return seconds(us / 1_000_000, locale, digits(isWholeMs ? 3 : 6));
}
/** "3.2 ms" / "3.2毫秒". */
export const formatMs = (ms: number, locale: string, fractionDigits = 1) => nf(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', ...digits(fractionDigits) }).format(ms);
export const perSecond = (v: number, locale: string, fractionDigits: number) => `${formatNumber(v, locale, fractionDigits)}/${locale.startsWith('zh') ? '秒' : 's'}`;

/** A metric value in its catalogue unit; the headline readouts keep fewer digits than Compare. */
export function formatValue(value: number | null | undefined, unit: Unit, locale: string, precise = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'rps':
      return `${formatNumber(value, locale, value < 100 ? 1 : 0)} ${locale.startsWith('zh') ? '次/秒' : 'req/s'}`;
    case 'per-second':
      return perSecond(value, locale, precise || value < 100 ? 1 : 0);
    case 'fraction':
      return formatPercent(value, locale, precise || (value < 0.01 && value > 0) ? 2 : 1);
    case 'ms':
      return formatMs(value, locale, !precise && value >= 100 ? 0 : 1);
    case 'ratio':
      return formatNumber(value, locale, 2);
    case 'count':
    case 'partitions':
      return formatNumber(Math.round(value), locale);
  }
}

/** What joins a label to its value: "Measured: 12" in English, "实测：12" (the full-width colon) in Chinese. */
export const labelColon = (locale: string): string => (locale.startsWith('zh') ? '：' : ': ');
/** What separates the items of a short list of values: "0.0%, 1.2%" in English, "0.0%、1.2%" (the enumeration comma) in Chinese. */
export const listSeparator = (locale: string): string => (locale.startsWith('zh') ? '、' : ', ');
