import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StateLabApi } from '../../shared/api';
import type { LessonView } from '../../shared/ipc';
import type { RunView } from '../../shared/run';
import { FlowCanvas } from './canvas/FlowCanvas';
import { MetricsPanel } from './run/MetricsPanel';
import { RunBar, type RunStatus } from './run/RunBar';

const BUILTIN_PACK = 'stateless-vs-stateful';

export function App({ api }: { api: StateLabApi }) {
  const [lesson, setLesson] = useState<LessonView>();
  const [loadError, setLoadError] = useState<string>();
  const [run, setRun] = useState<RunView>();
  const [status, setStatus] = useState<RunStatus>({ state: 'idle' });
  const runIdRef = useRef<string | undefined>(undefined);
  const runCounter = useRef(0);

  useEffect(() => {
    void (async () => {
      const packs = await api.packsList({});
      if (!packs.ok) return setLoadError(packs.error.message);
      const pack = packs.value.find((p) => p.id === BUILTIN_PACK) ?? packs.value[0];
      const first = pack?.lessons[0];
      if (!pack || !first) return setLoadError('No lesson pack is installed.');
      const opened = await api.lessonsOpen({ packId: pack.id, lessonId: first.id });
      if (!opened.ok) return setLoadError(opened.error.message);
      setLesson(opened.value);
    })();
  }, [api]);

  useEffect(
    () =>
      api.on('onDidRunProgress', ({ runId, fraction }) => {
        if (runId === runIdRef.current) setStatus({ state: 'running', fraction });
      }),
    [api],
  );

  const startRun = useCallback(async () => {
    if (!lesson || status.state === 'running') return;
    const runId = `run-${++runCounter.current}`;
    runIdRef.current = runId;
    setStatus({ state: 'running', fraction: 0 });
    const result = await api.simRun({ runId, graph: lesson.starter, scenario: lesson.scenario });
    if (runIdRef.current !== runId) return;
    runIdRef.current = undefined;
    if (result.ok) {
      setRun(result.value.result);
      setStatus({ state: 'done' });
    } else {
      setStatus(result.error.code === 'cancelled' ? { state: 'idle' } : { state: 'error', message: result.error.message });
    }
  }, [api, lesson, status.state]);

  const cancelRun = useCallback(() => {
    if (runIdRef.current) void api.simCancel({ runId: runIdRef.current });
  }, [api]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void startRun();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startRun]);

  return (
    <div className="sl-app">
      <header className="sl-header">
        <span className="sl-brand">StateLab</span>
        {lesson && <span className="sl-lesson-title">{lesson.title}</span>}
      </header>
      <main className="sl-canvas" aria-label="Design canvas">
        {loadError && <div className="sl-error sl-load-error" role="alert">{loadError}</div>}
        {lesson && (
          <ReactFlowProvider>
            <FlowCanvas graph={lesson.starter} />
          </ReactFlowProvider>
        )}
      </main>
      <footer className="sl-footer">
        <RunBar status={status} canRun={lesson !== undefined} onRun={() => void startRun()} onCancel={cancelRun} />
        <MetricsPanel run={run} />
      </footer>
    </div>
  );
}
