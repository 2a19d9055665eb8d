/**
 * `sim:events`: the simulator's own next events after a moment of a run, for the lab bench's
 * "Step one event". A StepSession keeps one live simulation paused where the last answer ended:
 * a later request runs it forward from there (untraced up to the moment asked, traced after),
 * so stepping late in a long run costs the events stepped over, not a re-run from zero. Asking
 * from before what the session still holds starts it over. Runs in the simulation worker
 * (workers/simJob.ts), never on the main thread.
 */
import type { Graph, NodeKind } from '../../shared/graph';
import type { SimEvent, SimEventsResult } from '../../shared/ipc';
import { stepText, type StepText, type StepTextKey } from '../../shared/i18n/stepTexts';
import type { Scenario } from '../../shared/scenario';
import { prepareSimulation, type Prepared, type TraceRecord } from '../sim';
import { timerPurpose } from '../sim/nodes/timers';

export class StepSession {
  private prepared!: Prepared;
  /** Every record traced after `keptFromUs`, in the order the simulator made them. */
  private kept: TraceRecord[] = [];
  private keptFromUs = -1;
  private describe!: (e: TraceRecord) => StepText;

  constructor(
    private readonly graph: Graph,
    private readonly scenario: Scenario,
    private readonly maxEvents?: number,
  ) {
    this.start();
  }

  private start(): void {
    this.prepared = prepareSimulation(this.graph, this.scenario);
    this.kept = [];
    this.keptFromUs = -1;
    this.describe = describer(this.prepared);
    this.trace(true);
  }

  private trace(isOn: boolean): void {
    const budget = this.maxEvents !== undefined ? { maxEvents: this.maxEvents } : {};
    this.prepared.sim.setHooks(isOn ? { ...budget, trace: (e) => this.kept.push(e) } : budget);
  }

  /** Simulated time the session's simulation has reached (µs). */
  get nowUs(): number {
    return this.prepared.sim.nowUs;
  }

  /**
   * The first `count` events strictly after `fromMs`, in (time, sequence) order. Zero-delay
   * deliveries are traced inside the event that caused them (with later sequence numbers), so
   * the instant of the last event is run to its end before the records are sorted.
   */
  events(fromMs: number, count: number): SimEventsResult {
    const fromUs = Math.floor(fromMs * 1000);
    if (fromUs < this.keptFromUs) this.start();
    const sim = this.prepared.sim;
    this.kept = this.kept.filter((e) => e.timeUs > fromUs);
    this.keptFromUs = fromUs;
    if (sim.nowUs <= fromUs) {
      this.trace(false);
      sim.runUntil(fromUs + 1);
      this.trace(true);
    }
    while (this.kept.length < count && sim.step()) {
      // stepping: the trace hook collects
    }
    this.kept.sort((a, b) => a.timeUs - b.timeUs || a.seq - b.seq);
    if (this.kept.length >= count) {
      const lastUs = this.kept[count - 1]!.timeUs;
      while (sim.nextTimeUs() <= lastUs) sim.step();
      this.kept.sort((a, b) => a.timeUs - b.timeUs || a.seq - b.seq);
    }
    const events: SimEvent[] = this.kept.slice(0, count).map((e) => ({
      atUs: e.timeUs,
      atMs: e.timeUs / 1000,
      seq: e.seq,
      // The simulator's event names less the unused '' (EV_NAMES): one SimEvent does not list does not compile.
      type: e.type as Exclude<TraceRecord['type'], ''>,
      node: e.node ?? null,
      ...described(this.describe(e)),
    }));
    return { events, isEnd: events.length < count };
  }
}

/** The first `count` events strictly after `fromMs` of the run of (graph, scenario), from a fresh session. */
export function collectSimEvents(graph: Graph, scenario: Scenario, fromMs: number, count: number, maxEvents?: number): SimEventsResult {
  return new StepSession(graph, scenario, maxEvents).events(fromMs, count);
}

/** The English description (the CLI's and old callers') beside its key. */
const described = (text: StepText) => ({ description: stepText(text, 'en'), text });

const FAULT_PHASE: readonly StepTextKey[] = ['step.fault', 'step.faultEnd'];

/** Every kind of event the simulator records has its words (EV_NAMES): a new one that has none does not compile. */
const unnamedEvent = (type: never): never => {
  throw new Error(`no words for simulator event ${String(type)}`);
};

/** Short descriptions of trace records ("request delivered to api-2"), as keys of STEP_TEXTS. */
function describer({ sim, faults }: Prepared): (e: TraceRecord) => StepText {
  const kindOf = (id: string): NodeKind | undefined => sim.byId.get(id)?.kind;
  const say = (key: StepTextKey, params?: StepText['params']): StepText => (params ? { key, params } : { key });
  return (e) => {
    const node = e.node ?? '?';
    switch (e.type) {
      case 'deliver-request':
        if (e.isHandled) return say('step.requestDelivered', { node });
        return say(e.wasNodeUp ? 'step.requestNotHandled' : 'step.requestLost', { node });
      case 'deliver-response':
        if (e.isHandled) return say('step.responseDelivered', { node });
        return say(e.wasNodeUp ? 'step.lateResponse' : 'step.responseLost', { node });
      case 'timer': {
        const kind = kindOf(node);
        const purpose = kind !== undefined && e.timerTag !== undefined ? timerPurpose(kind, e.timerTag) : '';
        if (!e.isHandled) return say('step.staleTimer', { node });
        return purpose ? say('step.timerFor', { node, purpose: { key: `purpose.${purpose}` as StepTextKey } }) : say('step.timer', { node });
      }
      case 'timeout':
        return say(e.isHandled ? 'step.timeout' : 'step.timeoutSkipped', { node });
      case 'fault': {
        const f = e.fault !== undefined ? faults[e.fault.index] : undefined;
        if (f === undefined) return say('step.faultUnknown');
        return say(FAULT_PHASE[e.fault!.phase] ?? 'step.faultNext', { action: f.action, target: f.target });
      }
      case 'health-probe':
        return say(e.isHandled ? 'step.probe' : 'step.probeIgnored', { node });
      case 'noise':
        return say('step.noise', { node });
      case '':
        return say('step.other', { type: e.type, node });
      default:
        return unnamedEvent(e.type);
    }
  };
}
