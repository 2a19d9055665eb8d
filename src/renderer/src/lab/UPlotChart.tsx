import { formatMs, formatNumber, formatPercent, formatValue } from '../i18n/format';
import { memo, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartSpec, ChartUnit } from './series';

const COLORS = ['#2563eb', '#dc2626', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2', '#475569'];
const HEIGHT = 96;

export const formatChartValue = (v: number | null | undefined, unit: ChartUnit, locale = 'en'): string => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (unit === 'fraction') return formatPercent(v, locale, 1);
  if (unit === 'ms') return formatMs(v, locale, 1);
  if (unit === 'per-second') return formatValue(Math.round(v), unit, locale).replace(/[.,]0(?=\/)/, '');
  if (unit === 'ratio') return formatNumber(v, locale, 2);
  return formatNumber(Math.round(v), locale);
};

interface Props {
  spec: ChartSpec;
  tS: number[];
  /** Last revealed bucket: later values are hidden until playback reaches them. */
  revealed: number;
  cursorMs: number;
  endMs: number;
  faultsMs: number[];
}

/**
 * One uPlot time-series chart (canvas, fast enough to redraw at every playback frame). The chart
 * is created once; playback only swaps its data or redraws the cursor and fault markers.
 */
function UPlotChartView({ spec, tS, revealed, cursorMs, endMs, faultsMs }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const marks = useRef({ cursorMs, faultsMs });
  marks.current = { cursorMs, faultsMs };

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
      line(marks.current.cursorMs, muted, []);
    };
    const opts: uPlot.Options = {
      width: el.clientWidth || 300,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [0, Math.max(1, endMs / 1000)] }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
      axes: [
        { stroke: muted, grid: { stroke: 'rgba(127,127,127,0.15)' }, ticks: { show: false }, values: (_u, v) => v.map((s) => `${s}s`) },
        { stroke: muted, grid: { stroke: 'rgba(127,127,127,0.15)' }, ticks: { show: false }, size: 58, values: (_u, v) => v.map((x) => formatChartValue(x, spec.unit)) },
      ],
      series: [{}, ...spec.series.map((s, i) => ({ label: s.label, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: false }))],
      hooks: { draw: [drawMarks] },
    };
    const u = new uPlot(opts, [tS, ...spec.series.map(() => [])] as uPlot.AlignedData, el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [spec, tS, endMs]);

  useEffect(() => {
    const data = [tS, ...spec.series.map((s) => s.values.map((v, i) => (i <= revealed ? v : null)))] as uPlot.AlignedData;
    plot.current?.setData(data, false);
  }, [spec, tS, revealed]);
  useEffect(() => plot.current?.redraw(false, false), [cursorMs, faultsMs, revealed]);

  return <div className="sl-chart-plot" ref={box} />;
}

export const UPlotChart = memo(UPlotChartView);
