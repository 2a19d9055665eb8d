import { failureText } from '../i18n/useErrorText';
import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import { isTargetSelector } from '../../../shared/faults';
import type { Graph } from '../../../shared/graph';
import type { Scenario } from '../../../shared/scenario';
import { Modal } from '../ui/Modal';
import type { MetricName } from '../../../shared/metrics';
import { compareChart, compareRows, faultsNote, firstDifference, isSame, isVariantOf, type CompareRow } from './compare';
import type { LabRun } from './labRun';
import { UPlotChart } from './UPlotChart';
import { describeFault, describeFaultIn } from './faultMenu';
import { formatValue, type Unit } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';
import { useNameOfId } from '../i18n/nodeNames';

let compareSerial = 0;

/** The two designs' lines: blue and amber (red is the fault markers'); lab.css's swatches match. */
const COMPARE_COLORS = ['#2563eb', '#d97706'] as const;

/** Most saved designs looked into for being the lesson's (each is opened to see). */
const MAX_CANDIDATES = 100;

/**
 * Runs the current design and a saved variant under the same seed and faults, side by side. In a
 * lesson (`locked` names its locked nodes) only designs made in that lesson are offered.
 */
export function CompareDialog({ api, graph, scenario, locked = [], onClose }: { api: StateLabApi; graph: Graph; scenario: Scenario; locked?: readonly string[]; onClose(): void }) {
  const [names, setNames] = useState<string[]>();
  const [picked, setPicked] = useState('');
  const [rows, setRows] = useState<CompareRow[]>();
  /** Both runs, for the chart over time; `name` is the variant they were made with. */
  const [runs, setRuns] = useState<{ current: LabRun; variant: LabRun; name: string }>();
  const [charted, setCharted] = useState<MetricName>('errorRate');
  const [isOnlyDifferences, setOnlyDifferences] = useState(true);
  const [state, setState] = useState<{ busy?: boolean; error?: string; note?: string; noteIds?: string }>({});

  const [hiddenCount, setHiddenCount] = useState(0);
  const { t, i18n } = useTranslation('lab');
  const nameOf = useNameOfId();
  const d = useDomain();
  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      const r = await api.filesList({});
      const all = r.ok ? r.value.map((f) => f.name) : [];
      let list = all;
      if (locked.length > 0) {
        const opened = await Promise.all(all.slice(0, MAX_CANDIDATES).map((name) => api.filesOpen({ name })));
        list = all.filter((_, i) => {
          const o = opened[i];
          return o?.ok === true && isVariantOf(o.value.graph, graph, locked);
        });
      }
      if (!isCurrent) return;
      setNames(list);
      setHiddenCount(all.length - list.length);
      setPicked((p) => p || (list[0] ?? ''));
    })();
    return () => {
      isCurrent = false;
    };
    // The list is read once per opening of the dialog; edits while it is open do not change it.
  }, [api]);

  const compare = async () => {
    setState({ busy: true });
    const opened = await api.filesOpen({ name: picked });
    if (!opened.ok) return setState({ error: failureText(opened.error, i18n.language) });
    const variant = opened.value.graph;
    // A fault whose target the variant lacks cannot run there: it is left out of both runs, and said so.
    const ids = new Set([...variant.nodes.map((n) => n.id), ...variant.edges.map((e) => e.id)]);
    const faults = (scenario.faults ?? []).filter((f) => f.action === 'heal' || isTargetSelector(f.target) || ids.has(f.target));
    const shared = { ...scenario, faults };
    const [a, b] = await Promise.all([
      api.simRun({ runId: `compare-a-${++compareSerial}`, graph, scenario: shared }),
      api.simRun({ runId: `compare-b-${compareSerial}`, graph: variant, scenario: shared }),
    ]);
    if (!a.ok || !b.ok) return setState({ error: (!a.ok ? failureText(a.error, i18n.language) : !b.ok ? failureText(b.error, i18n.language) : '') || t('compareFailed') });
    const compared = compareRows(a.value.result.summary, b.value.result.summary);
    setRows(compared);
    setRuns({ current: a.value.result, variant: b.value.result, name: picked });
    setCharted(firstDifference(compared));
    const dropped = (scenario.faults ?? []).filter((f) => !faults.includes(f));
    // Faults by their nodes' names; the ids, as scenario files write them, in the tooltip.
    setState({ note: faultsNote(scenario.seed, faults, dropped, picked, (f) => describeFaultIn(f, i18n.language, d, nameOf), t), noteIds: faultsNote(scenario.seed, faults, dropped, picked, describeFault, t) });
  };

  const chart = useMemo(() => (runs ? compareChart(runs.current, runs.variant, charted, [t('thisDesign'), runs.name]) : undefined), [runs, charted, t]);
  const faultsMs = useMemo(() => runs?.current.faults.map((f) => f.atMs) ?? [], [runs]);
  const sameCount = rows?.filter(isSame).length ?? 0;
  // The charted metric stays in the table even when it is the same in both.
  const shownRows = rows?.filter((r) => !isOnlyDifferences || !isSame(r) || r.metric === charted) ?? [];

  return (
    <Modal label={t('compareTitle')} className="sl-compare" onClose={onClose}>
      <h2>{t('compareTitle')}</h2>
      {names?.length === 0 && <p className="sl-muted">{t('saveVariantFirst')}</p>}
      {hiddenCount > 0 && <p className="sl-muted" data-testid="compare-hidden">{t('hiddenDesigns', { count: hiddenCount })}</p>}
      {names && names.length > 0 && (
        <div className="sl-compare-pick">
          <label>
            {t('variant')}{' '}
            <select aria-label={t('variant')} value={picked} title={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
              {names.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <button type="button" className="sl-primary" disabled={!picked || state.busy} onClick={() => void compare()}>
            {state.busy ? t('comparing') : t('compareButton')}
          </button>
        </div>
      )}
      {state.error && <p className="sl-error" role="alert">{state.error}</p>}
      {state.note && <p className="sl-muted" data-testid="compare-faults-note" title={state.noteIds}>{state.note}</p>}
      {runs && chart && (
        <figure className="sl-chart sl-compare-chart" data-testid="compare-chart" data-metric={charted}>
          <figcaption>
            <span className="sl-chart-title">{d.metric(charted)}</span>
            <span className="sl-chart-unit">{t('compareOverTime')}</span>
            {chart.spec.series.map((s, i) => (
              <span className="sl-chart-value" key={i}>
                <span className="sl-swatch" data-series={i} aria-hidden="true" />
                {s.label}
              </span>
            ))}
          </figcaption>
          <UPlotChart spec={chart.spec} tS={chart.tS} revealed={chart.tS.length - 1} endMs={chart.endMs} faultsMs={faultsMs} colors={COMPARE_COLORS} />
        </figure>
      )}
      {rows && sameCount === rows.length && <p className="sl-muted" data-testid="compare-all-same">{t('allSame')}</p>}
      {rows && sameCount < rows.length && (
        <label className="sl-compare-only">
          <input type="checkbox" checked={isOnlyDifferences} onChange={(e) => setOnlyDifferences(e.currentTarget.checked)} /> {t('onlyDifferences', { count: sameCount })}
        </label>
      )}
      {rows && (
        <table className="sl-compare-table">
          <thead>
            <tr><th>{t('metric')}</th><th>{t('thisDesign')}</th><th>{runs?.name ?? picked}</th></tr>
          </thead>
          <tbody>
            {shownRows.map((r) => (
              <tr key={r.metric} data-metric={r.metric} className={r.metric === charted ? 'is-charted' : undefined}>
                <td title={d.metricDescription(r.metric)}>
                  <button type="button" className="sl-compare-metric" aria-pressed={r.metric === charted} title={t('chartThisMetric')} onClick={() => setCharted(r.metric)}>
                    {d.metric(r.metric)}
                  </button>
                </td>
                <td className={r.better === 'current' ? 'is-better' : undefined}>{formatValue(r.current, r.unit as Unit, i18n.language, true)}</td>
                <td className={r.better === 'variant' ? 'is-better' : undefined}>{formatValue(r.variant, r.unit as Unit, i18n.language, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="sl-dialog-actions"><button type="button" onClick={onClose}>{t('close')}</button></div>
    </Modal>
  );
}
