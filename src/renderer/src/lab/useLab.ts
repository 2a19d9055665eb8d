import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { Graph } from '../../../shared/graph';
import type { Fault, Scenario } from '../../../shared/scenario';
import { useRun } from '../run/useRun';
import { asLabRun } from './labRun';
import { LiveStore } from './liveStore';
import { bucketAt, nextFaultMs, nextStepMs } from './playback';
import { usePlayback } from './usePlayback';

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20] as const;

/**
 * The lab bench's state: the run, the faults the student injected on top of the lesson's
 * scenario, and a playback cursor over the finished run. Running simulates the whole scenario
 * once (in the host's worker); playing, stepping and seeking only move the cursor.
 */
export function useLab(api: StateLabApi, graph: Graph, baseScenario: Scenario) {
  const [injected, setInjected] = useState<Fault[]>([]);
  const scenario = useMemo<Scenario>(() => ({ ...baseScenario, faults: [...(baseScenario.faults ?? []), ...injected] }), [baseScenario, injected]);
  const { run: view, status, start, cancel } = useRun(api, graph, scenario);
  const run = asLabRun(view);
  const [cursorMs, setCursorMsState] = useState(0);
  const [isPlaying, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const store = useRef(new LiveStore()).current;
  const serial = useRef(0);
  const [seekSerial, setSeekSerial] = useState(0);

  useEffect(() => setInjected([]), [baseScenario]);
  useEffect(() => store.show(run, run ? bucketAt(run, cursorMs) : 0, isPlaying ? speed : Infinity), [store, run, cursorMs, isPlaying, speed]);

  const endMs = run?.endedAtMs ?? 0;
  const setCursorMs = useCallback((ms: number) => setCursorMsState(ms), []);
  const onEnd = useCallback(() => setPlaying(false), []);
  usePlayback({ isPlaying, speed, endMs, cursorMs, setCursorMs, onEnd, seekSerial });

  /** Runs from the start and plays (the Run button). */
  const runFromStart = useCallback(async () => {
    setPlaying(false);
    if (await start(scenario)) {
      setCursorMsState(0);
      setPlaying(true);
    }
  }, [start, scenario]);

  const seek = useCallback(
    (ms: number) => {
      setCursorMsState(Math.max(0, Math.min(endMs, ms)));
      setSeekSerial((n) => n + 1);
    },
    [endMs],
  );

  /** Re-simulates under `faults` (same seed: identical up to the first change), keeping the cursor. */
  const rerun = useCallback(
    async (faults: Fault[]) => {
      const wasPlaying = isPlaying;
      setPlaying(false);
      setInjected(faults);
      if ((await start({ ...baseScenario, faults: [...(baseScenario.faults ?? []), ...faults] })) && wasPlaying) setPlaying(true);
    },
    [isPlaying, start, baseScenario],
  );

  const inject = useCallback(
    (fault: Omit<Fault, 'atMs' | 'id'>) => rerun([...injected, { ...fault, id: `lab-${fault.action}-${++serial.current}`, atMs: Math.round(cursorMs) }]),
    [rerun, injected, cursorMs],
  );
  const remove = useCallback((id: string) => rerun(injected.filter((f) => f.id !== id)), [rerun, injected]);

  return {
    run,
    view,
    status,
    cancel,
    scenario,
    injected,
    cursorMs,
    isPlaying,
    speed,
    store,
    runFromStart,
    inject,
    remove,
    seek,
    setSpeed,
    play: () => setPlaying(run !== undefined),
    pause: () => setPlaying(false),
    stepEvent: () => {
      if (!run) return;
      setPlaying(false);
      setCursorMsState(nextStepMs(run, cursorMs));
    },
    stepFault: () => {
      const at = run && nextFaultMs(run, cursorMs);
      if (at === undefined) return;
      setPlaying(false);
      setCursorMsState(at);
    },
    reset: () => {
      setPlaying(false);
      setCursorMsState(0);
    },
  };
}
export type Lab = ReturnType<typeof useLab>;
