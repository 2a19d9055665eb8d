/**
 * How much taller the open lab bench must be to show what a run is for without scrolling: its
 * first row of charts whole (caption, plot and the x axis's labels) and the side column (the chart
 * picker, the event log at its least height, five entries, and the injected faults). Read from the
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
  if (side) lacking = Math.max(lacking, side.scrollHeight - side.clientHeight);
  return lacking;
}
