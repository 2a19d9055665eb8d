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
/** "12.5 s" / "12.5秒" (English keeps the lab's short "s", Intl's is "sec"). */
export const formatSeconds = (ms: number, locale: string, fractionDigits = 1) =>
  locale.startsWith('en') ? `${formatNumber(ms / 1000, locale, fractionDigits)} s` : nf(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', ...digits(fractionDigits) }).format(ms / 1000);
/**
 * A moment of a run as the lab's event log and Step readout show it, one way in both: seconds to
 * the millisecond, and where the moment falls between milliseconds (the simulator's clock is in
 * microseconds) its microseconds as a further group of three, as SI groups decimals: "12.000 s",
 * "12.000 127 s" / "12.000 127秒". Two Steps a few microseconds apart read apart; a whole
 * millisecond is not padded with zeros.
 */
export function formatEventTime(ms: number, locale: string): string {
  const us = Math.round(ms * 1000);
  if (us % 1000 === 0) return formatSeconds(us / 1000, locale, 3);
  return formatSeconds(us / 1000, locale, 6).replace(/([.,]\d{3})(\d{3})(?!\d)/, '$1\u202f$2');
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
