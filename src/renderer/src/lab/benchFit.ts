/**
 * How much taller the open lab bench must be to show what a run is for without scrolling: its
 * first row of charts whole (caption, plot and the x axis's labels) and the side column (the chart
 * picker, the event log with its last five entries whole, however many lines they wrap onto, and the injected faults). Read from the
 * laid-out bench, so it follows the language, wrapped captions and notes above the results.
 */
export function benchShortfallPx(bench: HTMLElement): number {
  let lacking = 0;
  const charts = bench.querySelector<HTMLElement>('.sl-labbench-charts');
  const figures = charts ? [...charts.querySelectorAll<HTMLElement>('.sl-chart')] : [];
  if (charts && figures.length > 0) {
    const top = charts.getBoundingClientRect().top - charts.scrollTop;
    const firstRowTop = figures[0]!.getBoundingClientRect().top;
    // The charts of the first row: those beside the first (a grid row), the tallest of them decides.
    const rowBottom = Math.max(...figures.filter((f) => Math.abs(f.getBoundingClientRect().top - firstRowTop) < 1).map((f) => f.getBoundingClientRect().bottom));
    lacking = Math.max(lacking, rowBottom - top - charts.clientHeight);
  }
  const side = bench.querySelector<HTMLElement>('.sl-labbench-side');
  if (side) lacking = Math.max(lacking, Math.max(0, side.scrollHeight - side.clientHeight) + logShortfallPx(bench, side));
  return lacking;
}

/** Entries the event log shows whole at the least (the last ones reached: it follows the cursor). */
const LOG_ENTRIES = 5;
/** The bench's width from which the side column runs beside the charts (lab.css: `@container labbench (min-width: 880px)`). */
const LOG_BESIDE_CHARTS_PX = 880;

/**
 * How much taller the event log must be to show its last five entries whole under its title row: an entry wraps
 * onto more lines where its sentence is long (why requests fail), so its CSS least height (five entries of one
 * line, lab.css) may be short of them.
 */
function logShortfallPx(bench: HTMLElement, side: HTMLElement): number {
  const log = side.querySelector<HTMLElement>('.sl-eventlog');
  // Only where the column runs beside the charts (lab.css's container query); a narrower bench scrolls the column.
  const lab = bench.querySelector<HTMLElement>('.sl-labbench');
  if (!log || !lab || lab.clientWidth < LOG_BESIDE_CHARTS_PX) return 0;
  const entries = [...log.querySelectorAll<HTMLElement>(':scope > ol > li')].slice(-LOG_ENTRIES);
  if (entries.length === 0) return 0;
  const others = [...log.children].filter((c): c is HTMLElement => c instanceof HTMLElement && c.tagName !== 'OL');
  const needed = entries.reduce((sum, li) => sum + li.getBoundingClientRect().height, 0) + others.reduce((sum, c) => sum + c.getBoundingClientRect().height, 0);
  return Math.max(0, Math.ceil(needed - log.clientHeight + 1));
}
