import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, type ErrorMessage } from '../../../shared/i18n/errorTexts';
import type { AppError } from '../../../shared/result';
import type { StateLabApi } from '../../../shared/api';
import type { Graph } from '../../../shared/graph';
import type { SimEvent } from '../../../shared/ipc';
import type { Fault, Scenario } from '../../../shared/scenario';
import type { OutsideChange } from '../editor/history';
import { useRun } from './useRun';
import { asLabRun } from './labRun';
import { LiveStore } from './liveStore';
import { bucketAt, nextFaultMs, nextLoggedEventMs, nextStepMs } from './playback';
import { nextFromBatch, StepStore } from './stepEvents';
import { usePlayback } from './usePlayback';

/** Events fetched per sim:events call (the host's maximum): most Steps need no round trip. */
const STEP_BATCH = 200;
/** How long the cursor rests (paused) before the next events are fetched ahead of a Step. */
const STEP_PREFETCH_MS = 250;

/** What the last Step showed: a simulator event, or (host unable to tell) the old logged-event step. */
export type StepReadout = { state: 'event'; event: SimEvent } | { state: 'busy' } | { state: 'end'; atMs: number } | { state: 'fallback'; atMs: number; reason: AppError | ErrorMessage };

/** The injected list without a fault (the same list when it is not there). */
const without = (id: string) => (faults: Fault[]) => (faults.some((f) => f.id === id) ? faults.filter((f) => f.id !== id) : faults);
/** The injected list with a fault back at its place (the same list when it is there already). */
const withFault = (fault: Fault, index: number) => (faults: Fault[]) => (faults.some((f) => f.id === fault.id) ? faults : [...faults.slice(0, index), fault, ...faults.slice(index)]);

const NO_FAULTS: Fault[] = [];

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20] as const;

/**
 * The lab bench's state: the run, the faults the student injected on top of the lesson's
 * scenario, and a playback cursor over the finished run. Running simulates the whole scenario
 * once (in the host's worker); playing, stepping and seeking only move the cursor.
 */
/**
 * `context` names what the canvas holds (a lesson, the studio's lesson, the student's own design):
 * when it changes the shown run goes, since it was a run of something no longer on the canvas.
 */
/**
 * `record`, if given, puts each fault the student injects or removes into the editor's history, so
 * Ctrl+Z takes back their last action whichever it was (a fault, or an edit of the design).
 */
export function useLab(api: StateLabApi, graph: Graph, baseScenario: Scenario, refuse?: () => string | undefined, context = '', record?: (change: OutsideChange) => void) {
  const [injected, setInjected] = useState<Fault[]>([]);
  /** The injected faults as last set (ahead of the render an undo or redo reads them from). */
  const injectedNow = useRef(injected);
  const scenario = useMemo<Scenario>(() => ({ ...baseScenario, faults: [...(baseScenario.faults ?? []), ...injected] }), [baseScenario, injected]);
  const { run: view, status, start, cancel, clear } = useRun(api, graph, scenario, refuse);
  const run = asLabRun(view);
  const [cursorMs, setCursorMsState] = useState(0);
  const [isPlaying, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const store = useRef(new LiveStore()).current;
  const serial = useRef(0);
  const [seekSerial, setSeekSerial] = useState(0);
  /** The graph and scenario the shown run was simulated from (the editor may have moved on). */
  const ranWith = useRef<{ graph: Graph; scenario: Scenario }>(undefined);
  const [step, setStep] = useState<StepReadout>();
  /** True while the run shown is one a grade made (showRun), not the editor's design. */
  const [isGradedView, setGradedView] = useState(false);
  /** The scenario faults of the graded run shown (the grade's scenario, which the lab lists as the lesson's). */
  const [gradedFaults, setGradedFaults] = useState<Fault[]>();
  const steps = useRef(new StepStore()).current;
  /** The latest render's values, read by callbacks that outlive it (a Step awaiting the host). */
  const latest = useRef({ run, cursorMs, step, isPlaying });
  latest.current = { run, cursorMs, step, isPlaying };
  // A new run (re-simulated with other faults, or run again) starts with no stepped event.
  useEffect(() => setStep(undefined), [run]);

  useEffect(() => {
    injectedNow.current = [];
    setInjected([]);
  }, [baseScenario]);
  // Another lesson (or the studio, or a design of the student's own) is on the canvas: the last
  // lesson's charts, numbers and node states would describe a design that is not there.
  const shownContext = useRef(context);
  useEffect(() => {
    if (shownContext.current === context) return;
    shownContext.current = context;
    clear();
    ranWith.current = undefined;
    setPlaying(false);
    setCursorMsState(0);
    setGradedView(false);
  }, [context, clear]);
  useEffect(() => store.show(run, run ? bucketAt(run, cursorMs) : 0, isPlaying ? speed : Infinity), [store, run, cursorMs, isPlaying, speed]);

  const endMs = run?.endedAtMs ?? 0;
  const setCursorMs = useCallback((ms: number) => setCursorMsState(ms), []);
  const onEnd = useCallback(() => setPlaying(false), []);
  usePlayback({ isPlaying, speed, endMs, cursorMs, setCursorMs, onEnd, seekSerial });

  /** Runs from the start and plays (the Run button). */
  const runFromStart = useCallback(async () => {
    setPlaying(false);
    const inputs = { graph, scenario };
    if (await start(scenario)) {
      ranWith.current = inputs;
      setGradedView(false);
      setCursorMsState(0);
      setPlaying(true);
    }
  }, [start, scenario, graph]);

  const seek = useCallback(
    (ms: number) => {
      setCursorMsState(Math.max(0, Math.min(endMs, ms)));
      setSeekSerial((n) => n + 1);
    },
    [endMs],
  );

  /** The faults a re-simulation going on will run next (undefined: none going on). */
  const rerunWants = useRef<Fault[]>(undefined);
  /**
   * Re-simulates under `faults` (same seed: identical up to the first change), keeping the cursor.
   * Asked again while one is going on (Ctrl+Z, then Ctrl+Shift+Z at once), it runs the latest list
   * when that one ends, so the run shown always matches the list.
   */
  const rerun = useCallback(
    async (faults: Fault[]) => {
      injectedNow.current = faults;
      setInjected(faults);
      const isGoing = rerunWants.current !== undefined;
      rerunWants.current = faults;
      if (isGoing) return;
      const wasPlaying = isPlaying;
      setPlaying(false);
      try {
        let ran: Fault[] | undefined;
        while (ran !== rerunWants.current) {
          ran = rerunWants.current;
          const next = { ...baseScenario, faults: [...(baseScenario.faults ?? []), ...ran] };
          const inputs = { graph: latestGraph.current, scenario: next };
          if (!(await latestStart.current(next))) return;
          ranWith.current = inputs;
          setGradedView(false);
        }
        if (wasPlaying) setPlaying(true);
      } finally {
        rerunWants.current = undefined;
      }
    },
    [isPlaying, baseScenario],
  );
  const latestStart = useRef(start);
  latestStart.current = start;
  const latestGraph = useRef(graph);
  latestGraph.current = graph;
  const latestRerun = useRef(rerun);
  latestRerun.current = rerun;
  const shownScenario = useRef(baseScenario);
  shownScenario.current = baseScenario;
  /**
   * What an undo or redo of a fault change does: `change` maps the injected list as it is now. A
   * change made under another lesson's scenario (the list has been cleared since) does nothing.
   */
  const changeFaults = useCallback((scope: Scenario, change: (faults: Fault[]) => Fault[]) => {
    if (shownScenario.current !== scope) return false;
    const now = injectedNow.current;
    const next = change(now);
    if (next === now) return false;
    void latestRerun.current(next);
    return true;
  }, []);

  /**
   * Shows the run of another design and scenario (what a grade ran) without touching the editor's
   * design: the lab's charts, log, Step and trace hash are that run's until the next Run. True once shown.
   */
  const showRun = useCallback(
    async (inputs: { graph: Graph; scenario: Scenario }) => {
      setPlaying(false);
      if (!(await start(inputs.scenario, inputs.graph))) return false;
      ranWith.current = inputs;
      // The graded scenario is the lesson's own: faults injected on the editor's run are not in it.
      injectedNow.current = [];
      setInjected([]);
      setGradedFaults(inputs.scenario.faults ?? []);
      setGradedView(true);
      return true;
    },
    [start],
  );

  const inject = useCallback(
    (fault: Omit<Fault, 'atMs' | 'id'>) => {
      const added: Fault = { ...fault, id: `lab-${fault.action}-${++serial.current}`, atMs: Math.round(cursorMs) };
      const scope = baseScenario;
      const index = injected.length;
      const done = rerun([...injected, added]);
      record?.({ undo: () => changeFaults(scope, without(added.id!)), redo: () => changeFaults(scope, withFault(added, index)), about: { kind: 'faultInjected', fault: added } });
      return done;
    },
    [rerun, injected, cursorMs, baseScenario, record, changeFaults],
  );
  const remove = useCallback(
    (id: string) => {
      const index = injected.findIndex((f) => f.id === id);
      const removed = injected[index];
      if (!removed) return Promise.resolve();
      const scope = baseScenario;
      const done = rerun(injected.filter((f) => f.id !== id));
      // Put back where it was: the scenario, and so the run, is the one before the removal.
      record?.({ undo: () => changeFaults(scope, withFault(removed, index)), redo: () => changeFaults(scope, without(id)), about: { kind: 'faultRemoved', fault: removed } });
      return done;
    },
    [rerun, injected, baseScenario, record, changeFaults],
  );

  const fetchBatch = useCallback(
    (fromMs: number) => {
      const inputs = ranWith.current;
      if (!run || !inputs) return undefined;
      const ask = () => api.simEvents({ graph: inputs.graph, scenario: inputs.scenario, fromMs, count: STEP_BATCH });
      return steps.fetch(run, fromMs, ask, () => latest.current.run === run);
    },
    [api, run, steps],
  );
  /** Where the next Step would need the host, or undefined when the fetched batch already tells. */
  const fetchNeeded = useCallback(() => {
    const { cursorMs: at, step: shown } = latest.current;
    return steps.fetchNeeded(run, at, shown?.state === 'event' ? shown.event : undefined);
  }, [run, steps]);

  // Paused on a run with the cursor at rest: fetch the next events now, so the first Step shows
  // one at once (the host's stepping session runs up to the cursor meanwhile).
  useEffect(() => {
    if (!run || isPlaying) return;
    const timer = setTimeout(() => {
      const fromMs = fetchNeeded();
      if (fromMs !== undefined) void fetchBatch(fromMs);
    }, STEP_PREFETCH_MS);
    return () => clearTimeout(timer);
  }, [run, isPlaying, cursorMs, fetchNeeded, fetchBatch]);

  /**
   * Step one event: pauses and moves the cursor to the simulator's next event after it (asking
   * the host, whose stepping session runs forward from the last answer, only when the fetched
   * batch runs out). Should the host be unable to tell, it falls back to the next logged event
   * or bucket.
   */
  const stepEvent = useCallback(async () => {
    if (!run || !ranWith.current || steps.isBusy) return;
    setPlaying(false);
    const { cursorMs: from, step: shown } = latest.current;
    const stepped = shown?.state === 'event' ? shown.event : undefined;
    let next = nextFromBatch(steps.batchOf(run), from, stepped);
    if (next && 'fetchFromMs' in next) {
      steps.isBusy = true;
      setStep({ state: 'busy' });
      const answer = await fetchBatch(next.fetchFromMs)!;
      steps.isBusy = false;
      if (latest.current.run !== run) return setStep(undefined);
      // The student moved on while the host answered (To start, Next fault, a seek, Play): the
      // answer is of a moment they left, and taking the cursor back there undid their move.
      if (latest.current.cursorMs !== from || latest.current.isPlaying) return setStep(undefined);
      if (!answer.ok) {
        const atMs = nextStepMs(run, from);
        setCursorMsState(atMs);
        setStep({ state: 'fallback', atMs, reason: answer.error });
        return;
      }
      next = nextFromBatch(steps.batchOf(run), from, stepped);
    }
    if (latest.current.run !== run) return setStep(undefined);
    if (next === null) {
      setCursorMsState(endMs);
      setStep({ state: 'end', atMs: endMs });
    } else if ('event' in next) {
      setCursorMsState(Math.min(endMs, next.event.atMs));
      setStep({ state: 'event', event: next.event });
    } else {
      // More events in one instant than a batch holds: step past the instant the old way.
      const atMs = nextStepMs(run, from);
      setCursorMsState(atMs);
      setStep({ state: 'fallback', atMs, reason: errorMessage('steps.tooMany') });
    }
  }, [run, endMs, fetchBatch, steps]);

  return {
    run,
    view,
    status,
    cancel,
    scenario,
    injected,
    /** The faults the lesson's own scenario schedules (the graded run's, while one is shown): listed beside the injected ones, not removable. */
    lessonFaults: (isGradedView ? gradedFaults : undefined) ?? baseScenario.faults ?? NO_FAULTS,
    cursorMs,
    isPlaying,
    speed,
    store,
    runFromStart,
    /** The graph and scenario the shown run was simulated from (a request trace re-runs exactly these). */
    simulatedWith: () => ranWith.current,
    /** Re-simulates the lesson's own scenario (the injected faults dropped), keeping the cursor. */
    runWithoutInjected: () => rerun([]),
    showRun,
    isGradedView,
    inject,
    remove,
    seek,
    setSpeed,
    play: () => setPlaying(run !== undefined),
    pause: () => setPlaying(false),
    step,
    stepEvent: () => void stepEvent(),
    /** "Next logged event": pauses on the next entry of the event log (Step walks the simulator's raw events). */
    hasNextLogged: run !== undefined && nextLoggedEventMs(run, cursorMs) !== undefined,
    stepLogged: () => {
      const at = run && nextLoggedEventMs(run, cursorMs);
      if (at === undefined) return;
      setPlaying(false);
      setCursorMsState(at);
    },
    /** "Next fault" has somewhere to go: a fault lies after the cursor (at the last one, the button did nothing, unexplained). */
    hasNextFault: run !== undefined && nextFaultMs(run, cursorMs) !== undefined,
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
