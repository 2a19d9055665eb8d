/**
 * The simulation: the event loop (loop.ts) and network transport (transport.ts) joined with the
 * nodes' life cycle (crash, restart, pause, resume), timers and call timeouts, fault events and
 * the run's event log. Node behaviour lives in nodes/*; faults in faults.ts; model-wide state in
 * model.ts. Nothing here reads wall-clock time or global randomness: `nowUs` and each node's
 * `rng` are the only sources of time and chance.
 */
import { FAILING_TEXT, englishEventText, eventKindOf, type EventParams, type EventTextKey, type FailingTextKey } from '../../shared/i18n/eventTexts';
import type { RunEvent } from '../../shared/metrics';
import { FLAG_HELD_BACK, FLAG_ONE_WAY, OP, STATUS, STATUS_REASON } from './calls';
import { EV } from './loop';
import { C, E, NE } from './metrics/recorder';
import { ModelState } from './model';
import type { NodeCore, SimEdge, SimNode } from './node';
import { Rng, hashString } from './rng';
import { onProbeEvent } from './probes';
import { TIMEOUTS_FIRING } from './timeouts';
import { Network } from './transport';

export { EV, EV_NAMES, EVENTS_MAX_DEFAULT, EventBudgetError, InvariantError, type RunHooks, type TraceRecord } from './loop';
export { SimNode, type Cut, type SimEdge } from './node';

const LOG_LIMIT = 10_000;
/** A node's failures for one reason are one burst until none comes for this long: one log line per burst. */
export const FAILURE_QUIET_US = 1_000_000;

export class Sim extends Network {
  readonly byId = new Map<string, SimNode>();
  readonly events: RunEvent[] = [];
  /** Model-wide state (ownership, leases, database leaders, sessions); build.ts replaces it. */
  model = new ModelState(this.rec, 0, false);
  /** Hook for faults.ts (set by index.ts) so the engine does not import it. */
  onFault: (index: number, phase: number) => void = () => {};
  /** Hook for background noise (noise.ts, set by index.ts when the scenario has noise). */
  onNoise: (node: number, phase: number) => void = () => {};
  /** Called for every node added after the run started (scale-out clones), e.g. so noise reaches them. */
  onNodeAdded: (node: SimNode) => void = () => {};
  /** Extra delay of a probe's new connection over a link: its lost openings (noise.ts; null: none lost). */
  handshakeUs: ((edge: SimEdge) => number) | null = null;

  constructor(
    seed: number,
    durationMs: number,
    readonly partitionCount: number,
    bucketMs: number,
  ) {
    super(seed, durationMs, partitionCount, bucketMs);
  }

  rngFor(id: string): Rng {
    return Rng.forNode(this.seed, id);
  }

  addNode(node: SimNode): void {
    if (node.idx !== this.nodes.length) throw new Error('node index out of order');
    this.nodes.push(node);
    this.cores.push(node.core);
    this.byId.set(node.id, node);
    this.nodeHash.push(hashString(node.id));
    this.rec.addNode(node.id);
    this.onNodeAdded(node);
  }

  addEdge(e: Omit<SimEdge, 'idx' | 'extraLoss'>): SimEdge {
    const edge: SimEdge = { ...e, idx: this.edges.length, extraLoss: 0 };
    this.edges.push(edge);
    this.rec.addEdge(edge.id, edge.kind === 'request');
    const from = this.nodes[e.from]!;
    const to = this.nodes[e.to]!;
    if (e.kind === 'request') {
      from.out.push(edge);
      to.inbound.push(edge);
    } else {
      from.replOut.push(edge);
      to.replIn.push(edge);
    }
    return edge;
  }

  /** Logs an event: its sentence is EVENT_TEXTS[key] filled with params (the English one is stored as message). */
  log(key: EventTextKey, node: SimNode | undefined, params: EventParams, value?: number): void {
    if (this.events.length > LOG_LIMIT) return;
    const atMs = this.nowUs / 1000;
    if (this.events.length === LOG_LIMIT) {
      this.events.push({ atMs, kind: 'log-truncated', message: englishEventText('log-truncated', {}), params: {} });
      return;
    }
    const kind = eventKindOf(key);
    const e: RunEvent = { atMs, kind, message: englishEventText(key, params), params };
    if (key !== kind) e.textKey = key;
    if (node !== undefined) e.node = node.id;
    if (value !== undefined) e.value = value;
    this.events.push(e);
  }

  /**
   * `node` fails a request with `status` now (call once per failure, where the failure starts, not
   * where it is relayed): true when this starts a burst of that reason at that node (its first
   * such failure, or the first after FAILURE_QUIET_US without one), so the caller logs it with
   * `logFailing`. Reads and writes only simulated time: the log stays a pure function of the run.
   */
  failureStarts(node: SimNode, status: number): boolean {
    const r = status - 1;
    const last = node.lastFailedUs[r]!;
    node.lastFailedUs[r] = this.nowUs;
    return this.nowUs - last >= FAILURE_QUIET_US;
  }

  /** Both at once: logs the failure when it starts a burst (`cause`: a more precise sentence than the reason's). */
  noteFailure(node: SimNode, status: number, cause?: FailingTextKey, params?: EventParams): void {
    if (this.failureStarts(node, status)) this.logFailing(node, status, cause, params);
  }

  /** Logs that `node` started failing requests with `status`: the reason's sentence, or `cause`'s with its params. */
  logFailing(node: SimNode, status: number, cause?: FailingTextKey, params?: EventParams): void {
    const reason = STATUS_REASON[status];
    if (reason === undefined) return;
    this.log(cause ?? FAILING_TEXT[reason], node, { node: node.id, ...params });
  }

  timer(node: SimNode, delayUs: number, tag: number, a = 0, b = 0): void {
    const core = node.core;
    this.queue.push(this.nowUs + delayUs, EV.timer, core.idx, tag, a, b, core.incarnation);
  }

  scheduleFault(atUs: number, index: number, phase: number): void {
    this.queue.push(atUs, EV.fault, -1, index, phase, 0, 0);
  }

  /** A session the user still held is gone; counted once per (user, session). */
  sessionLost(node: SimNode, globalUser: number, gen: number): boolean {
    return this.model.sessionLost(node.idx, globalUser, gen);
  }

  /** Stops a process: in-memory state gone, in-flight calls reset, its timers void. */
  crash(node: SimNode): void {
    if (!node.isUp) return;
    if (this.tracer !== null) this.tracer.onCrash(node);
    node.isUp = false;
    node.isReady = false;
    node.incarnation++;
    const calls = this.calls;
    const deferred = node.deferred;
    node.deferred = [];
    node.isPaused = false;
    node.pausedAtUs = -1;
    for (let k = 0; k < deferred.length; k += 5) {
      const c = deferred[k + 1]!;
      if (deferred[k] === EV.deliverReq && calls.isValid(c, deferred[k + 2]!) && calls.isHeldByCaller(c)) {
        if ((calls.flags[c]! & FLAG_ONE_WAY) !== 0) calls.releaseByCaller(c);
        else this.refuse(c);
      }
    }
    const me = node.idx;
    for (let c = 0; c < calls.highWater; c++) {
      if (calls.held[c] === 0) continue;
      if (calls.to[c] === me && calls.isHeldByCallee(c)) {
        if (calls.isHeldByCaller(c)) this.refuse(c);
        calls.releaseByCallee(c);
      }
      if (calls.held[c] !== 0 && calls.from[c] === me && calls.isHeldByCaller(c)) calls.releaseByCaller(c);
    }
    node.timeouts?.clear();
    node.onCrash();
    // Connections live in the process: they drop with it.
    const dropped = this.model.connections?.ownerStopped(node, this.nowUs) ?? 0;
    if (dropped > 0) this.log('connections-dropped', node, { node: node.id, count: dropped }, dropped);
  }

  restart(node: SimNode): void {
    if (node.isUp || node.isRemoved) return;
    node.isUp = true;
    node.onRestart();
  }

  /**
   * Pauses a node (a GC pause, a stopped VM); `untilUs` is when it will resume, when known. A fault's
   * pause that begins during a noise pause takes it over: it is no longer noise, and it lasts as the
   * fault says (the noise's own resume leaves it alone).
   */
  pause(node: SimNode, untilUs = Infinity, isNoise = false): void {
    if (!node.isUp) return;
    if (!node.isPaused) {
      node.pausedAtUs = this.nowUs;
      node.pauseEndsAtUs = untilUs;
      node.isPauseNoise = isNoise;
    } else if (!isNoise && node.isPauseNoise) {
      node.isPauseNoise = false;
      node.pauseEndsAtUs = Math.max(node.pauseEndsAtUs, untilUs);
    }
    node.isPaused = true;
  }

  /** Resumes a paused node: what arrived meanwhile is handled now, in arrival order. */
  resume(node: SimNode): void {
    if (!node.isPaused) return;
    node.isPaused = false;
    node.lastPauseFromUs = node.pausedAtUs;
    node.lastPauseToUs = this.nowUs;
    node.lastPauseWasNoise = node.isPauseNoise;
    node.isPauseNoise = false;
    node.pausedAtUs = -1;
    const d = node.deferred;
    node.deferred = [];
    for (let k = 0; k < d.length; k += 5) this.queue.push(this.nowUs, d[k]!, node.idx, d[k + 1]!, d[k + 2]!, d[k + 3]!, d[k + 4]!);
  }

  protected dispatch(type: number, n: number, a: number, b: number, cArg: number, inc: number): boolean {
    switch (type) {
      case EV.deliverReq:
      case EV.deliverResp:
        return this.deliver(type, n, a, b, inc, -1);
      case EV.timer:
      case EV.timeout: {
        // A timer of a previous life (before a crash) is void; one due while paused waits.
        const core = this.cores[n]!;
        if (inc !== core.incarnation || !core.isUp) return false;
        const node = this.nodes[n]!;
        if (core.isPaused) {
          node.deferred.push(type, a, b, cArg, inc);
          return false;
        }
        if (type === EV.timer) node.onTimer(a, b, cArg);
        else this.fireTimeouts(node, core);
        return true;
      }
      case EV.fault:
        this.onFault(a, b);
        return false;
      case EV.probe:
        return onProbeEvent(this, n, a, b, cArg, inc);
      case EV.noise:
        this.onNoise(n, a);
        return false;
      default:
        return this.fail(`unknown event type ${type}`);
    }
  }

  /** A request call reached a dead process: its caller fails it as down (transport's refuse). */
  protected noteRefused(c: number): void {
    const calls = this.calls;
    const caller = this.nodes[calls.from[c]!]!;
    if (isRequestOp(calls.op[c]!) && this.failureStarts(caller, STATUS.down)) this.logFailing(caller, STATUS.down, undefined, { target: this.nodes[calls.to[c]!]!.id });
  }

  protected nodeId(n: number): string {
    return this.nodes[n]!.id;
  }

  protected isNodeUp(n: number): boolean {
    return this.cores[n]!.isUp;
  }

  /** Closes the recorder's bucket, with each node's inFlight gauge: the calls it is serving. */
  protected flushBucket(): void {
    const rec = this.rec;
    const served = this.calls.servedBy;
    for (let n = 0; n < served.length; n++) if (served[n] !== 0) rec.add(n, C.inFlight, served[n]!);
    rec.flush(this.nodes);
  }

  private fireTimeouts(node: SimNode, core: NodeCore): void {
    const f = core.timeouts;
    if (f === null) return;
    const calls = this.calls;
    // This event was the node's one timeout timer. While the expired calls are handled, a call the
    // node sends from onResponse (a failed login releasing the requests that waited for it, a
    // retry to another target) must not arm a second timer: the head's, armed below, covers it.
    // Armed by both, every later deadline would fire twice, and each timer re-arms itself.
    f.armedUs = TIMEOUTS_FIRING;
    while (f.length > 0) {
      const c = f.headCall();
      if (!calls.isValid(c, f.headGen()) || !calls.isHeldByCaller(c) || calls.from[c] !== core.idx) {
        f.shift();
        continue;
      }
      const dl = f.headDeadlineUs();
      if (dl > this.nowUs) {
        f.armedUs = dl;
        this.queue.push(dl, EV.timeout, core.idx, 0, 0, 0, core.incarnation);
        return;
      }
      f.shift();
      calls.status[c] = STATUS.timeout;
      this.foldOutcome(STATUS.timeout);
      if ((calls.flags[c]! & FLAG_HELD_BACK) !== 0) {
        // Never sent: it gave up waiting at its caller (for its user's login or connection).
        node.onGaveUpWaiting(c);
        if (!core.isUp) return;
        continue;
      }
      if (isRequestOp(calls.op[c]!) && this.failureStarts(node, STATUS.timeout)) {
        this.logFailing(node, STATUS.timeout, undefined, { target: this.nodes[calls.to[c]!]!.id, ms: core.timeoutUs / 1000 });
      }
      if (this.tracer !== null) this.tracer.onTimeout(c);
      this.rec.edgeCur[calls.edge[c]! * NE + E.failed]! += 1;
      node.onResponse(c);
      // A crash cleared the FIFO and its timer.
      if (!core.isUp) return;
    }
    f.armedUs = -1;
  }
}

/** A call on a user's behalf (not a lease renewal or a replication message, whose failures are the system's own). */
function isRequestOp(op: number): boolean {
  return op !== OP.lease && op !== OP.replicate;
}
