import { useCallback, useEffect, useRef, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { Graph } from '../../../shared/graph';
import type { RunResult } from '../../../shared/metrics';
import type { Scenario } from '../../../shared/scenario';
import type { RunStatus } from './RunBar';

/**
 * Runs the graph being edited (not the lesson's starter) under the lesson's scenario. `refuse`, if
 * given, is asked first: a sentence from it (a property field shows an invalid value) stops the run
 * and is shown as the run's error.
 */
export function useRun(api: StateLabApi, graph: Graph, scenario: Scenario | undefined, refuse?: () => string | undefined) {
  const [run, setRun] = useState<RunResult>();
  const [status, setStatus] = useState<RunStatus>({ state: 'idle' });
  const runIdRef = useRef<string | undefined>(undefined);
  const runCounter = useRef(0);
  /** Run ids are per host, shared by every window and browser tab: this one's are unique to it. */
  const tabId = useRef(crypto.randomUUID());

  useEffect(
    () =>
      api.on('onDidRunProgress', ({ runId, fraction, queuePosition }) => {
        if (runId === runIdRef.current) setStatus({ state: 'running', fraction, ...(queuePosition !== undefined ? { queuePosition } : {}) });
      }),
    [api],
  );

  /**
   * Runs under `scenario`, or under `override` (the lab bench's scenario with injected faults);
   * `otherGraph` runs a design other than the one being edited (the one a grade ran), as it is.
   */
  const start = useCallback(async (override?: Scenario, otherGraph?: Graph) => {
    const runScenario = override ?? scenario;
    if (!runScenario || runIdRef.current) return false;
    const problem = otherGraph ? undefined : refuse?.();
    if (problem) {
      setStatus({ state: 'error', message: problem });
      return false;
    }
    const runId = `run-${tabId.current}-${++runCounter.current}`;
    runIdRef.current = runId;
    setStatus({ state: 'running', fraction: 0 });
    const result = await api.simRun({ runId, graph: otherGraph ?? graph, scenario: runScenario });
    if (runIdRef.current !== runId) return false;
    runIdRef.current = undefined;
    if (result.ok) {
      setRun(result.value.result);
      setStatus({ state: 'done' });
      return true;
    }
    setStatus(result.error.code === 'cancelled' ? { state: 'idle' } : { state: 'error', message: result.error.message, error: result.error });
    return false;
  }, [api, graph, scenario, refuse]);

  const cancel = useCallback(() => {
    if (runIdRef.current) void api.simCancel({ runId: runIdRef.current });
  }, [api]);

  /** Forgets the shown run (another lesson is open): a run still going is kept, and shown when it ends. */
  const clear = useCallback(() => {
    setRun(undefined);
    setStatus((s) => (s.state === 'running' ? s : { state: 'idle' }));
  }, []);

  return { run, status, start, cancel, clear };
}
