import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { Graph } from '../../../shared/graph';
import type { MetricName } from '../../../shared/metrics';
import { MetricsPanel } from './MetricsPanel';
import { RunBar } from './RunBar';
import { ChartPicker, Charts } from './Charts';
import { useChartRequests } from './chartRequests';
import { pickedChartId } from './series';
import { isDesignChanged } from './simulationKey';
import { CompareDialog } from './CompareDialog';
import { EventLog } from './EventLog';
import { InjectedFaults } from './InjectedFaults';
import { LabBar } from './LabBar';
import { TracePanel, type TraceRequest } from './trace/TracePanel';
import type { Lab } from './useLab';
import './lab.css';

/**
 * Under the canvas: a strip with the run and playback controls that always shows, and below it
 * the results (headline metrics, charts, event log, faults), which fold away into the strip to
 * give a small screen's height back to the canvas.
 */
/** What of a design a run depends on: everything but where nodes sit and what they are called. */
const NO_METRICS: readonly MetricName[] = [];

export function LabBench({
  api,
  lab,
  graph,
  locked = [],
  runGate,
  isResultsOpen,
  onToggleResults,
  onNeedsChange,
  trace,
  onTrace,
  lessonMetrics = NO_METRICS,
}: {
  api: StateLabApi;
  lab: Lab;
  graph: Graph;
  /** The lesson's locked nodes; Compare offers only that lesson's designs. */
  locked?: readonly string[];
  /** Why Run waits (a lesson's predictions are not answered yet); shown beside the disabled Run. */
  runGate?: string | undefined;
  isResultsOpen: boolean;
  onToggleResults(): void;
  /** What the bench must fit changed (a note above the results, the charts, the trace panel closed, another event-log entry): the split may grow it. */
  onNeedsChange?: () => void;
  /** The request trace panel, when open (with what it was first asked for); kept by the caller so "Show me" can open it. */
  trace?: { initial?: TraceRequest; serial: number } | undefined;
  onTrace(next: { initial?: TraceRequest } | undefined): void;
  /** Charts the open lesson starts with (lessonChartMetrics): what its checks grade. */
  lessonMetrics?: readonly MetricName[];
}) {
  const [isComparing, setComparing] = useState(false);
  /** Metrics the student added as charts, after the lesson's own; kept across runs, started afresh by another lesson. */
  const [picked, setPicked] = useState<MetricName[]>(() => [...lessonMetrics]);
  const lessonKey = lessonMetrics.join(' ');
  const [pickedFor, setPickedFor] = useState(lessonKey);
  if (pickedFor !== lessonKey) {
    setPickedFor(lessonKey);
    setPicked([...lessonMetrics]);
  }
  const { t } = useTranslation('lab');
  // A metric named in the lesson's text was clicked: its chart joins the bench, in view.
  const [shownMetric, setShownMetric] = useState<{ metric: MetricName; serial: number }>();
  const onChartRequest = useCallback(
    (metric: MetricName) => {
      setPicked((p) => (p.includes(metric) ? p : [...p, metric]));
      setShownMetric((s) => ({ metric, serial: (s?.serial ?? 0) + 1 }));
      if (!isResultsOpen) onToggleResults();
      if (trace) onTrace(undefined);
    },
    [isResultsOpen, onToggleResults, trace, onTrace],
  );
  useChartRequests(onChartRequest);
  useEffect(() => {
    if (shownMetric) document.querySelector(`.sl-chart[data-chart="${pickedChartId(shownMetric.metric)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [shownMetric, lab.run]);
  // The trace panel opened from elsewhere (a request dot on the canvas) shows the results it lives in.
  const traceSerial = trace?.serial;
  useEffect(() => {
    if (traceSerial !== undefined && !isResultsOpen) onToggleResults();
    // Only when another trace is asked for, not when the student hides the results.
  }, [traceSerial]);
  // A click on the error chart: the lab goes to that moment and traces the first request failing from it.
  const pickFailure = (atMs: number) => {
    lab.pause();
    lab.seek(atMs);
    onTrace({ initial: { kind: 'firstFailedAfter', atMs } });
  };
  // The run shown came from another design than the canvas now holds (an edit since the run): say
  // so, or the student reads old numbers as the answer to their change. Positions and names do not
  // change a run, so moving a node is no change.
  const ranGraph = lab.run ? lab.simulatedWith()?.graph : undefined;
  const isStale = useMemo(() => ranGraph !== undefined && isDesignChanged(ranGraph, graph), [ranGraph, graph]);
  // The canvas as it was when a graded run was shown (Show me), keyed by that run's graph: once the
  // student edits it, "your canvas is unchanged" is no longer true and the note says so.
  const [canvasAtGraded, setCanvasAtGraded] = useState<{ ran: Graph; canvas: Graph }>();
  if (lab.isGradedView && ranGraph && canvasAtGraded?.ran !== ranGraph) setCanvasAtGraded({ ran: ranGraph, canvas: graph });
  const isEditedSinceGraded = lab.isGradedView && canvasAtGraded !== undefined && canvasAtGraded.ran === ranGraph && isDesignChanged(canvasAtGraded.canvas, graph);
  // A note above the results pushes the charts down, another set of charts has another first row: the bench may need more room.
  const isNoteShown = lab.isGradedView || isStale;
  const isTraceOpen = trace !== undefined;
  useEffect(() => onNeedsChange?.(), [isNoteShown, picked, isTraceOpen, onNeedsChange]);
  const compare = (
    <button type="button" onClick={() => setComparing(true)} disabled={graph.nodes.length === 0} title={t('compareHint')}>
      {t('compare')}
    </button>
  );
  return (
    <div className="sl-labbench">
      <div className="sl-labbench-top">
        <RunBar status={lab.status} canRun={graph.nodes.length > 0} gate={runGate} onRun={() => void lab.runFromStart()} onCancel={lab.cancel} />
        <LabBar lab={lab} />
        {!lab.run && <MetricsPanel run={lab.view} />}
        {!lab.run && compare}
        {lab.run && (
          <button type="button" aria-expanded={isResultsOpen} aria-controls="sl-results" onClick={onToggleResults}>
            {isResultsOpen ? t('hideCharts') : t('showCharts')}
          </button>
        )}
      </div>
      {lab.isGradedView && (
        <p className="sl-graded-note" role="status" data-testid="graded-view">
          {isEditedSinceGraded ? t('gradedViewEdited') : t('gradedView')}
        </p>
      )}
      {!lab.isGradedView && isStale && (
        <p className="sl-graded-note" role="status" data-testid="run-stale">
          {t('runStale')}
        </p>
      )}
      {isComparing && <CompareDialog api={api} graph={graph} scenario={lab.scenario} locked={locked} onClose={() => setComparing(false)} />}
      {lab.run && (
        // A request's trace takes the results' whole width and height: its diagram is wide, and the bench stays short
        // while it is open, so the design it is about keeps its room above (SplitBench). The headline numbers, the
        // charts and the side column come back with Close trace.
        <div className={`sl-labbench-results${trace ? ' is-tracing' : ''}`} id="sl-results" hidden={!isResultsOpen}>
          {trace ? (
            <TracePanel key={trace.serial} api={api} lab={lab} graph={graph} initial={trace.initial} tools={compare} onClose={() => onTrace(undefined)} />
          ) : (
            <>
              <div className="sl-labbench-head">
                <span className="sl-summary-scope" title={t('bench.wholeRunHint')} data-testid="summary-scope">
                  {t('bench.wholeRun')}
                </span>
                <MetricsPanel run={lab.view}>
                  {/* What the charts' captions below read; the numbers beside it are the whole run's. */}
                  <span className="sl-muted sl-charts-note">{t('bench.atCursor')}</span>
                </MetricsPanel>
              </div>
              <div className="sl-labbench-panels">
                {/* Scrolls when the split is small; focusable so the keyboard can scroll it too. */}
                <div className="sl-labbench-charts" tabIndex={0}>
                  <Charts run={lab.run} cursorMs={lab.cursorMs} picked={picked} onPick={setPicked} onPickFailure={pickFailure} />
                </div>
                <div className="sl-labbench-side">
                  <div className="sl-labbench-tools">
                    <ChartPicker picked={picked} onPick={setPicked} />
                    {compare}
                  </div>
                  <EventLog
                    run={lab.run}
                    cursorMs={lab.cursorMs}
                    onSeek={lab.seek}
                    onEntriesChange={onNeedsChange}
                    tools={
                      <button type="button" className="sl-trace-open" onClick={() => onTrace({})} title={t('requestTrace.buttonHint')} data-testid="trace-button">
                        {t('requestTrace.button')}
                      </button>
                    }
                  />
                  <InjectedFaults faults={lab.injected} lessonFaults={lab.lessonFaults} onRemove={(id) => void lab.remove(id)} />
                </div>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
