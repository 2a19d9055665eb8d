import { formatMs, formatNumber, formatPercent, formatSeconds, formatValue } from '../i18n/format';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { hoverValues, type ChartSpec, type ChartUnit } from './series';
import { chartTicks, yAxisWidth } from './ticks';

const COLORS = ['#2563eb', '#dc2626', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2', '#475569'];
/** The smallest plot: below this the ticks crowd (CSS gives the plot box the same minimum). */
const MIN_HEIGHT = 120;
const plotHeight = (el: HTMLElement) => Math.max(MIN_HEIGHT, el.clientHeight);

export const formatChartValue = (v: number | null | undefined, unit: ChartUnit, locale = 'en'): string => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (unit === 'fraction') return formatPercent(v, locale, 1);
  if (unit === 'ms') return formatMs(v, locale, 1);
  if (unit === 'per-second') return formatValue(Math.round(v), unit, locale).replace(/[.,]0(?=\/)/, '');
  if (unit === 'ratio') return formatNumber(v, locale, 2);
  return formatNumber(Math.round(v), locale);
};

/** A time on the x axis (seconds), with as many decimals as it has (at most one). */
const atSeconds = (s: number, locale: string): string => formatSeconds(s * 1000, locale, Number.isInteger(s) ? 0 : 1);

interface Props {
  spec: ChartSpec;
  tS: number[];
  /** Last revealed bucket: later values are hidden until playback reaches them. */
  revealed: number;
  /** The playback cursor's line (none: no cursor, as in a comparison of two whole runs). */
  cursorMs?: number | undefined;
  endMs: number;
  faultsMs: number[];
  /** Clicking the plot picks the time clicked (ms); the plot shows a pointer. */
  onPickMs?: ((ms: number) => void) | undefined;
  /** Line colours in series order (default COLORS); a caption's swatches use the same. */
  colors?: readonly string[] | undefined;
}

/**
 * One uPlot time-series chart (canvas, fast enough to redraw at every playback frame). The chart
 * is created once; playback only swaps its data or redraws the cursor and fault markers.
 */
function UPlotChartView({ spec, tS, revealed, cursorMs, endMs, faultsMs, onPickMs, colors = COLORS }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const hover = useRef<HTMLOutputElement>(null);
  const marks = useRef({ cursorMs, faultsMs, revealed });
  marks.current = { cursorMs, faultsMs, revealed };
  const pick = useRef(onPickMs);
  pick.current = onPickMs;
  // The ticks and the hover read-out are drawn in the app's language ("10 s", "10秒"; "0.5 ms", "0.5毫秒"): the chart is built again when it changes.
  const locale = useTranslation().i18n.language;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const muted = getComputedStyle(document.documentElement).getPropertyValue('--muted').trim() || '#64748b';
    const drawMarks = (u: uPlot) => {
      const { ctx } = u;
      const line = (ms: number, color: string, dash: number[]) => {
        const x = u.valToPos(ms / 1000, 'x', true);
        ctx.save();
        ctx.strokeStyle = color;
        ctx.setLineDash(dash);
        ctx.lineWidth = 1.5 * devicePixelRatio;
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.restore();
      };
      for (const f of marks.current.faultsMs) line(f, '#dc2626', [4 * devicePixelRatio, 3 * devicePixelRatio]);
      if (marks.current.cursorMs !== undefined) line(marks.current.cursorMs, muted, []);
    };
    const showHover = (u: uPlot) => {
      const out = hover.current;
      if (!out) return;
      const at = hoverValues({ tS }, spec, u.cursor.idx, marks.current.revealed);
      out.hidden = at === undefined;
      out.textContent = at ? `${atSeconds(at.atS, locale)} · ${at.values.map((v) => `${spec.series.length > 1 ? `${v.label} ` : ''}${formatChartValue(v.value, spec.unit, locale)}`).join(' · ')}` : '';
    };
    const opts: uPlot.Options = {
      width: el.clientWidth || 300,
      height: plotHeight(el),
      legend: { show: false },
      // A vertical hair line only: the read-out above the plot gives the values at the hovered time.
      cursor: { y: false, points: { show: false }, drag: { x: false, y: false, setScale: false } },
      scales: { x: { time: false, range: [0, Math.max(1, endMs / 1000)] }, y: { range: (_u, _min, max) => [0, chartTicks(max, spec.unit).at(-1)!] } },
      axes: [
        {
          stroke: muted,
          grid: { stroke: 'rgba(127,127,127,0.15)' },
          ticks: { show: false },
          size: 24,
          values: (_u, v) => {
            const labels = v.map((s) => atSeconds(s, locale));
            el.dataset.xTicks = labels.join(' | ');
            return labels;
          },
        },
        {
          stroke: muted,
          grid: { stroke: 'rgba(127,127,127,0.15)' },
          ticks: { show: false },
          // Wide enough for the longest tick label ("6,000.0 ms" was cut to "000.0 ms" at a fixed 62 px).
          size: (_u, values) => yAxisWidth(values ?? []),
          splits: (_u, _axis, _min, max) => chartTicks(max, spec.unit).filter((t) => t <= max * (1 + 1e-9)),
          values: (_u, v) => {
            const labels = v.map((x) => formatChartValue(x, spec.unit, locale));
            // The tick labels are drawn on the canvas: the DOM names them too (tests, inspection).
            el.dataset.yTicks = labels.join(' | ');
            return labels;
          },
        },
      ],
      series: [{}, ...spec.series.map((s, i) => ({ label: s.label, stroke: colors[i % colors.length], width: 1.5, spanGaps: false }))],
      hooks: { draw: [drawMarks], setCursor: [showHover] },
    };
    const u = new uPlot(opts, [tS, ...spec.series.map(() => [])] as uPlot.AlignedData, el);
    plot.current = u;
    const onClick = (e: MouseEvent) => {
      const s = u.posToVal(e.offsetX, 'x');
      if (pick.current && Number.isFinite(s)) pick.current(Math.max(0, s * 1000));
    };
    u.over.addEventListener('click', onClick);
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: plotHeight(el) }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.over.removeEventListener('click', onClick);
      u.destroy();
      plot.current = null;
    };
  }, [spec, tS, endMs, colors, locale]);

  useEffect(() => {
    const data = [tS, ...spec.series.map((s) => s.values.map((v, i) => (i <= revealed ? v : null)))] as uPlot.AlignedData;
    // The y scale follows what is revealed (a later peak is not given away) and is never below it.
    plot.current?.setData(data, true);
  }, [spec, tS, revealed]);
  useEffect(() => plot.current?.redraw(false, false), [cursorMs, faultsMs, revealed]);

  return (
    <div className="sl-chart-plotbox">
      <div className={onPickMs ? 'sl-chart-plot is-pickable' : 'sl-chart-plot'} ref={box} />
      <output className="sl-chart-hover sl-mono" ref={hover} data-testid={`chart-hover-${spec.id}`} hidden />
    </div>
  );
}

export const UPlotChart = memo(UPlotChartView);
