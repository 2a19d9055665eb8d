import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StateLabApi } from '../../../../shared/api';
import type { Graph } from '../../../../shared/graph';
import type { RequestId, RequestTrace, TraceSelector, UserJourney } from '../../../../shared/requestTrace';
import { downloadUrl } from '../../files/localFile';
import { formatEventTime, formatSeconds } from '../../i18n/format';
import { Modal } from '../../ui/Modal';
import { useNodeNamer } from '../../i18n/nodeNames';
import { useDomain } from '../../i18n/useDomain';
import type { Lab } from '../useLab';
import { JourneyView } from './JourneyView';
import { SequenceDiagram } from './SequenceDiagram';
import { sharedLanes } from './sequenceLayout';
import { svgToPng } from '../../files/exportImage';

/** "Slowest request near the cursor" looks this far either side of it. */
const NEAR_MS = 5000;

/** What the panel was asked for first: a chooser to run as it opens (from "Show me", say). */
export type TraceRequest = TraceSelector;

/**
 * Follows single requests of the lab's run (issue 17): pick one (first failed request after a
 * fault or the cursor, slowest near the cursor, a user's requests), see its sequence diagram, a
 * user's journey, or two requests side by side; export the diagram as SVG or PNG. `tools`: the lab's
 * controls that stay at hand while the panel fills the results.
 */
export function TracePanel({ api, lab, graph, initial, tools, onClose }: { api: StateLabApi; lab: Lab; graph: Graph; initial?: TraceRequest; tools?: ReactNode; onClose(): void }) {
  const { t, i18n } = useTranslation('lab');
  const d = useDomain();
  const lang = i18n.language;
  const run = lab.run;
  const faults = run?.faults ?? [];
  const [after, setAfter] = useState(faults.length > 0 && !(initial?.kind === 'firstFailedAfter' && initial.atMs !== undefined) ? '0' : 'cursor');
  const [user, setUser] = useState(0);
  const [traces, setTraces] = useState<RequestTrace[]>([]);
  const [journey, setJourney] = useState<UserJourney>();
  const [state, setState] = useState<{ busy?: boolean; error?: string; note?: string }>({});
  const svgRef = useRef<SVGSVGElement>(null);
  const serial = useRef(0);
  const labelOf = useNodeNamer(graph.nodes);
  // The panel re-renders at every playback update (the lab changes); the diagrams are memoized and
  // get callbacks that stay the same, so a frame does not redraw them.
  const labNow = useRef(lab);
  labNow.current = lab;
  const hoverEdge = useCallback((edge: string | undefined) => labNow.current.store.highlight(edge), []);
  const seek = useCallback((ms: number) => {
    labNow.current.pause();
    labNow.current.seek(ms);
  }, []);

  const ask = async (selector: TraceSelector, keepJourney = false) => {
    const inputs = lab.simulatedWith();
    if (!inputs) return;
    const mine = ++serial.current;
    setState({ busy: true });
    const answer = await api.simTrace({ graph: inputs.graph, scenario: inputs.scenario, selector });
    if (mine !== serial.current) return;
    if (!answer.ok) return setState({ error: answer.error.message });
    setTraces(answer.value.traces);
    if (!keepJourney) setJourney(answer.value.journey);
    setState(answer.value.traces.length === 0 && answer.value.journey === undefined ? { note: t('requestTrace.noneFound') } : {});
  };

  useEffect(() => {
    if (initial) void ask(initial);
    // Asked once, when the panel opens with a request in hand.
  }, []);
  useEffect(() => () => lab.store.highlight(undefined), [lab.store]);
  // Another run (a fault injected, Run again) makes what is shown stale: it goes, and an answer still on its way is ignored.
  const shownRun = useRef(lab.run);
  useEffect(() => {
    if (lab.run === shownRun.current) return;
    shownRun.current = lab.run;
    serial.current++;
    setTraces([]);
    setJourney(undefined);
    setState({});
  }, [lab.run]);

  const firstFailed = () => void ask(after === 'cursor' ? { kind: 'firstFailedAfter', atMs: Math.round(lab.cursorMs) } : { kind: 'firstFailedAfter', faultIndex: Number(after) });
  const slowest = () => void ask({ kind: 'slowest', fromMs: Math.max(0, lab.cursorMs - NEAR_MS), toMs: lab.cursorMs + NEAR_MS });
  const showJourney = () => void ask({ kind: 'user', user, atMs: Math.round(lab.cursorMs) });
  const showIds = (ids: RequestId[]) => void ask({ kind: 'ids', ids }, true);

  const fileBase = (tr: RequestTrace) => `request-${tr.id.client}-${tr.id.n}`;
  const exportAs = async (format: 'svg' | 'png') => {
    const svg = svgRef.current;
    const tr = traces[0];
    if (!svg || !tr) return;
    const text = new XMLSerializer().serializeToString(svg);
    const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    try {
      downloadUrl(`${fileBase(tr)}.${format}`, format === 'svg' ? url : await svgToPng(url, svg.width.baseVal.value, svg.height.baseVal.value));
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  // Two requests are stacked with the same lanes at the same x, in one box that scrolls both together.
  const pairLanes = useMemo(() => (traces.length === 2 ? sharedLanes(traces) : undefined), [traces]);
  const diagram = (tr: RequestTrace, withRef: boolean) => (
    <SequenceDiagram ref={withRef ? svgRef : undefined} trace={tr} lanes={withRef ? undefined : pairLanes} labelOf={labelOf} onHoverEdge={hoverEdge} onSeek={seek} />
  );
  const headOf = (tr: RequestTrace) =>
    t('requestTrace.head', { client: labelOf(tr.id.client), n: tr.id.n, user: tr.user, op: t(`requestTrace.op.${tr.op}`), key: tr.key, time: formatEventTime(tr.startMs, lang) });

  return (
    <section className="sl-trace" aria-label={t('requestTrace.title')} data-testid="trace-panel">
      <div className="sl-trace-tools" role="toolbar" aria-label={t('requestTrace.choose')}>
        <label>
          {t('requestTrace.after')}{' '}
          <select aria-label={t('requestTrace.after')} value={after} onChange={(e) => setAfter(e.currentTarget.value)}>
            {faults.map((f, i) => (
              <option key={f.id} value={String(i)}>
                {t('requestTrace.faultOption', { fault: d.fault(f.action), target: labelOf(f.target), time: formatSeconds(f.atMs, lang, 1) })}
              </option>
            ))}
            <option value="cursor">{t('requestTrace.theCursor', { time: formatSeconds(lab.cursorMs, lang, 2) })}</option>
          </select>
        </label>
        <button type="button" onClick={firstFailed} disabled={state.busy}>{t('requestTrace.firstFailed')}</button>
        <button type="button" onClick={slowest} disabled={state.busy}>{t('requestTrace.slowest')}</button>
        <label>
          {t('requestTrace.user')}{' '}
          <input type="number" min={0} step={1} aria-label={t('requestTrace.user')} value={user} onChange={(e) => setUser(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))} />
        </label>
        <button type="button" onClick={showJourney} disabled={state.busy}>{t('requestTrace.journey')}</button>
        {/* The lab's own tools that stay at hand while the trace fills the results (Compare…), at the row's end before Close. */}
        {tools && <span className="sl-trace-lab-tools">{tools}</span>}
        <button type="button" className="sl-trace-close" onClick={onClose}>{t('requestTrace.close')}</button>
      </div>
      {state.busy && <p className="sl-muted" role="status">{t('requestTrace.tracing')}</p>}
      {state.error && <p className="sl-error" role="alert">{state.error}</p>}
      {state.note && <p className="sl-muted" role="status">{state.note}</p>}
      {!state.busy && traces.length === 0 && !journey && !state.note && !state.error && <p className="sl-muted">{t('requestTrace.intro')}</p>}
      {journey && <JourneyView journey={journey} isCompact={traces.length > 0} labelOf={labelOf} onShow={(id) => showIds([id])} onCompare={(a, b) => showIds([a, b])} />}
      {traces.length === 1 && (
        <>
          {/* The exports on the request's row, by what they export: the tools above keep one row at 1280×720. */}
          <div className="sl-trace-head">
            <span data-testid="trace-head">{headOf(traces[0]!)}</span>
            <span className="sl-trace-exports">
              <button type="button" onClick={() => void exportAs('svg')}>{t('requestTrace.exportSvg')}</button>
              <button type="button" onClick={() => void exportAs('png')}>{t('requestTrace.exportPng')}</button>
            </span>
          </div>
          <div className="sl-trace-body">{diagram(traces[0]!, true)}</div>
        </>
      )}
      {traces.length === 2 && (
        // Two requests open wide, one above the other, each node's lane at the same x, scrolling together.
        <Modal label={t('requestTrace.compareTitle')} className="sl-trace-compare-dialog" onClose={() => setTraces([])}>
          <h2>{t('requestTrace.compareTitle')}</h2>
          <div className="sl-trace-pair" data-testid="trace-compare">
            {traces.map((tr, i) => (
              <div key={i} className="sl-trace-pair-item">
                <div className="sl-trace-head">
                  <span className="sl-trace-pair-n">{i + 1}</span>
                  {headOf(tr)}
                </div>
                {diagram(tr, false)}
              </div>
            ))}
          </div>
          <div className="sl-dialog-actions">
            {/* Focus goes to Close, not to the first arrow (which would light up its connection). */}
            <button type="button" autoFocus onClick={() => setTraces([])}>{t('close')}</button>
          </div>
        </Modal>
      )}
    </section>
  );
}
