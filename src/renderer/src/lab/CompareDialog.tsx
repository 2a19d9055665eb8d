import { useEffect, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { Graph } from '../../../shared/graph';
import type { Scenario } from '../../../shared/scenario';
import { Modal } from '../ui/Modal';
import { compareRows, faultsNote, formatCompareValue, isVariantOf, type CompareRow } from './compare';
import { describeFault } from './faultMenu';

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
    if (!opened.ok) return setState({ error: opened.error.message });
    const variant = opened.value.graph;
    // A fault whose target the variant lacks cannot run there: it is left out of both runs, and said so.
    const ids = new Set([...variant.nodes.map((n) => n.id), ...variant.edges.map((e) => e.id)]);
    const faults = (scenario.faults ?? []).filter((f) => f.action === 'heal' || ids.has(f.target));
    const shared = { ...scenario, faults };
    const [a, b] = await Promise.all([
      api.simRun({ runId: `compare-a-${++compareSerial}`, graph, scenario: shared }),
      api.simRun({ runId: `compare-b-${compareSerial}`, graph: variant, scenario: shared }),
    ]);
    if (!a.ok || !b.ok) return setState({ error: (!a.ok ? a.error.message : !b.ok ? b.error.message : '') || 'The comparison failed.' });
    setRows(compareRows(a.value.result.summary, b.value.result.summary));
    const dropped = (scenario.faults ?? []).filter((f) => !faults.includes(f));
    setState({ note: faultsNote(scenario.seed, faults, dropped, picked, describeFault) });
  };

  return (
    <Modal label="Compare with a saved design" className="sl-compare" onClose={onClose}>
      <h2>Compare with a saved design</h2>
      {names?.length === 0 && <p className="sl-muted">Save a variant of your design first (Save as…), then compare the two here.</p>}
      {hiddenCount > 0 && <p className="sl-muted" data-testid="compare-hidden">{hiddenCount} saved design{hiddenCount === 1 ? '' : 's'} from outside this lesson not shown.</p>}
      {names && names.length > 0 && (
        <div className="sl-compare-pick">
          <label>
            Variant{' '}
            <select aria-label="Variant" value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
              {names.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <button type="button" className="sl-primary" disabled={!picked || state.busy} onClick={() => void compare()}>
            {state.busy ? 'Comparing…' : 'Compare'}
          </button>
        </div>
      )}
      {state.error && <p className="sl-error" role="alert">{state.error}</p>}
      {state.note && <p className="sl-muted">{state.note}</p>}
      {rows && (
        <table className="sl-compare-table">
          <thead>
            <tr><th>Metric</th><th>This design</th><th>{picked}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.metric} data-metric={r.metric}>
                <td>{r.label}</td>
                <td className={r.better === 'current' ? 'is-better' : undefined}>{formatCompareValue(r.current, r.unit)}</td>
                <td className={r.better === 'variant' ? 'is-better' : undefined}>{formatCompareValue(r.variant, r.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="sl-dialog-actions"><button type="button" onClick={onClose}>Close</button></div>
    </Modal>
  );
}
