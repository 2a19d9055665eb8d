import { failureText } from '../i18n/useErrorText';
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import { isTargetSelector } from '../../../shared/faults';
import type { Graph } from '../../../shared/graph';
import type { Scenario } from '../../../shared/scenario';
import { Modal } from '../ui/Modal';
import { compareRows, faultsNote, isVariantOf, type CompareRow } from './compare';
import { describeFaultIn } from './faultMenu';
import { formatValue, type Unit } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';

let compareSerial = 0;

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
  const [state, setState] = useState<{ busy?: boolean; error?: string; note?: string }>({});

  const [hiddenCount, setHiddenCount] = useState(0);
  const { t, i18n } = useTranslation('lab');
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
    setRows(compareRows(a.value.result.summary, b.value.result.summary));
    const dropped = (scenario.faults ?? []).filter((f) => !faults.includes(f));
    setState({ note: faultsNote(scenario.seed, faults, dropped, picked, (f) => describeFaultIn(f, i18n.language, d.fault), t) });
  };

  return (
    <Modal label={t('compareTitle')} className="sl-compare" onClose={onClose}>
      <h2>{t('compareTitle')}</h2>
      {names?.length === 0 && <p className="sl-muted">{t('saveVariantFirst')}</p>}
      {hiddenCount > 0 && <p className="sl-muted" data-testid="compare-hidden">{t('hiddenDesigns', { count: hiddenCount })}</p>}
      {names && names.length > 0 && (
        <div className="sl-compare-pick">
          <label>
            {t('variant')}{' '}
            <select aria-label={t('variant')} value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
              {names.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <button type="button" className="sl-primary" disabled={!picked || state.busy} onClick={() => void compare()}>
            {state.busy ? t('comparing') : t('compareButton')}
          </button>
        </div>
      )}
      {state.error && <p className="sl-error" role="alert">{state.error}</p>}
      {state.note && <p className="sl-muted">{state.note}</p>}
      {rows && (
        <table className="sl-compare-table">
          <thead>
            <tr><th>{t('metric')}</th><th>{t('thisDesign')}</th><th>{picked}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.metric} data-metric={r.metric}>
                <td title={d.metricDescription(r.metric)}>{d.metric(r.metric)}</td>
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
