/**
 * The discrete-event engine: an integer microsecond clock, a heap ordered by (time, sequence),
 * message transport over edges, per-node call timeouts, crash and pause mechanics, and the trace
 * hash. Node behaviour lives in nodes/*; faults in faults.ts. Nothing here reads wall-clock time
 * or global randomness: `nowUs` and each node's `rng` are the only sources of time and chance.
 */
import { FAILURE_REASONS } from '../../shared/failureReasons';
import type { NodeKind } from '../../shared/graph';
import { englishEventText, eventKindOf, type EventParams, type EventTextKey } from '../../shared/i18n/eventTexts';
import type { RunEvent } from '../../shared/metrics';
import { CallPool, FLAG_ONE_WAY as FLAG_ONE_WAY_, HELD_BY_CALLEE as HELD_BY_CALLEE_, STATUS as STATUS_, STATUS_REASON } from './calls';
import { EventQueue } from './eventQueue';
import { C as C_, E as E_, NE as NE_, Recorder } from './metrics/recorder';
import type { Ownership } from './ownership';
import { Rng, fmix32, hashString } from './rng';
import { TimeoutFifo } from './timeouts';

// Module-local copies of imports read per event: tsx runs sim/ as CommonJS, where every read of an
// imported binding is a getter call, a measurable share of a run at a million events per second.
const FLAG_ONE_WAY = FLAG_ONE_WAY_;
const HELD_BY_CALLEE = HELD_BY_CALLEE_;
const STATUS = STATUS_;
const C = C_;
const E = E_;
const NE = NE_;

export const EV = { deliverReq: 1, deliverResp: 2, timer: 3, timeout: 4, fault: 5 } as const;
export const EV_NAMES = ['', 'deliver-request', 'deliver-response', 'timer', 'timeout', 'fault'] as const;

/** Failure counter per status code (index = STATUS value). */
/** Status code → the counter its failure reason adds to (-1: ok or miss); from shared/failureReasons.ts. */
const FAIL_COUNTER = STATUS_REASON.map((reason) => (reason === undefined ? -1 : C[FAILURE_REASONS[reason].counter]));

/** A request or replication link at run time (clones get their own copies). */
export interface SimEdge {
  /** Index in Sim.edges. */
  idx: number;
  /** Graph id (clones: `<id>~<n>`). */
  id: string;
  from: number;
  to: number;
  kind: 'request' | 'replication';
  latUs: number;
  jitterUs: number;
  lossRate: number;
  /** Loss added by a link-loss fault. */
  extraLoss: number;
}

/** An invariant broke: reported with the seed and simulated time so the run can be reproduced. */
export class InvariantError extends Error {
  constructor(message: string, seed: number, nowUs: number) {
    super(`Simulator invariant broken: ${message} (reproduce with seed=${seed}, at t=${(nowUs / 1000).toFixed(3)} ms)`);
    this.name = 'InvariantError';
  }
}

/**
 * Events one run may process unless the caller says otherwise. The built-in lessons' runs take
 * at most about 160,000 (a 30 s run; see tests/integration/sim/budget.test.ts), so this leaves
 * 30x headroom, while a client at 1,000,000 rps reaches it within seconds of wall-clock time.
 */
export const EVENTS_MAX_DEFAULT = 5_000_000;

/** A run went over its event budget: deterministic (counted in events, not time). */
export class EventBudgetError extends Error {
  constructor(readonly maxEvents: number) {
    super(`This design generates more than ${maxEvents.toLocaleString('en-US')} events; reduce the request rate or the run's duration.`);
    this.name = 'EventBudgetError';
  }
}

export interface TraceRecord {
  timeUs: number;
  seq: number;
  type: (typeof EV_NAMES)[number];
  node: string | undefined;
  /** True when a node's behaviour ran for this event (false for stale, dropped or deferred ones). */
  isHandled: boolean;
  /** Whether the event's node was up when the event was taken off the heap. */
  wasNodeUp: boolean;
}

export abstract class SimNode {
  isUp = true;
  /** False while starting up (or stopped): up but not serving. */
  isReady = true;
  isPaused = false;
  /** Removed by scale-in: never restarts. */
  isRemoved = false;
  /** Bumped on every crash so timers of the previous life are ignored. */
  incarnation = 0;
  /** Multiplies service time (slow fault). */
  serviceFactor = 1;
  /** Multiplies the latency of this node's links (slow fault). */
  latencyFactor = 1;
  /** Loss on every message to or from this node (link-loss fault). */
  lossRate = 0;
  /** Request edges out, in graph order. */
  out: SimEdge[] = [];
  /** Request edges in. */
  inbound: SimEdge[] = [];
  replOut: SimEdge[] = [];
  replIn: SimEdge[] = [];
  /** Timeout of the calls this node makes (0: none). */
  timeoutUs = 0;
  timeouts: TimeoutFifo | null = null;
  /** Events that arrived while paused: [type, a, b, c, inc] ... */
  deferred: number[] = [];
  /** A load balancer sends to it. */
  isLbTarget = false;
  /** A client whose users keep one connection (load balancers pin them to a target). */
  hasLongLivedConnections = false;

  constructor(
    readonly sim: Sim,
    readonly idx: number,
    readonly id: string,
    readonly kind: NodeKind,
    readonly rng: Rng,
  ) {}

  /** A request call arrived and this node now holds it; it must eventually reply (or crash). */
  abstract onRequest(c: number): void;
  /** An answer (or timeout) for a call this node made; the node must release it. */
  onResponse(c: number): void {
    this.sim.calls.releaseByCaller(c);
  }
  onTimer(_tag: number, _a: number, _b: number): void {}
  /** Called once at t = 0. */
  start(): void {}
  /** In-memory state is gone. */
  onCrash(): void {}
  /** Back up after a crash; default: serving at once. */
  onRestart(): void {
    this.isReady = true;
  }
  /** Whether it has no request in progress (for draining). */
  isIdle(): boolean {
    return true;
  }
  sampleGauges(rec: Recorder): void {
    rec.set(this.idx, C.up, this.isServing() ? 1 : 0);
  }
  isServing(): boolean {
    return this.isUp && this.isReady && !this.isPaused;
  }
  /** First request edge to a node of one of these kinds. */
  edgeTo(...kinds: NodeKind[]): SimEdge | undefined {
    return this.out.find((e) => kinds.includes(this.sim.nodes[e.to]!.kind));
  }
}

export interface Cut {
  /** Fault id that made it. */
  id: string;
  /** Group per node index (-1: not in any group, unaffected). */
  groupOf: Int32Array;
}

export interface RunHooks {
  onProgress?: (fraction: number) => void;
  isCancelled?: () => boolean;
  trace?: (e: TraceRecord) => void;
  /** Event budget (default EVENTS_MAX_DEFAULT): checked with the progress hook, so it may overshoot by CHECK_EVERY. */
  maxEvents?: number;
}

const LOG_LIMIT = 10_000;
/** Events between progress reports and cancellation checks. */
const CHECK_EVERY = 4096;
/** Nested zero-delay deliveries allowed before falling back to the heap (cycles of zero-latency edges). */
const INLINE_DEPTH_MAX = 16;

export class Sim {
  nowUs = 0;
  readonly queue = new EventQueue(4096);
  readonly calls = new CallPool(4096);
  readonly nodes: SimNode[] = [];
  readonly edges: SimEdge[] = [];
  readonly byId = new Map<string, SimNode>();
  /** Hash of each node's id: the trace hash folds this, not the index, so ids not positions matter. */
  private readonly nodeHash: number[] = [];
  /** Partition ownership when the graph has a coordinator. */
  ownership: Ownership | null = null;
  /** The coordinator's owner map, read by partition-aware balancers (null: none). */
  ownerMap: Int32Array | null = null;
  /** Lease TTL of the coordinator (renewal interval is a third of it). */
  leaseTtlUs = 3_000_000;
  /** Resolves a database node to the current leader of its replication group. */
  databaseLeader: (nodeIdx: number) => number = (i) => i;
  readonly events: RunEvent[] = [];
  readonly rec: Recorder;
  readonly endUs: number;
  cuts: Cut[] = [];
  sent = 0;
  delivered = 0;
  dropped = 0;
  inFlight = 0;
  processed = 0;
  isCancelled = false;
  private inlineDepth = 0;
  private trace: ((e: TraceRecord) => void) | undefined;
  private h1 = 0x12345678;
  private h2 = 0x9abcdef0;
  /** Per global user, the session generation already counted as lost (dedupes sessionsLost). */
  sessionLostGen = new Int32Array(0);
  /** Per global user, the session the user currently holds (set when a login succeeds). */
  userSession = new Int32Array(0);
  /** Some service keeps sessions server-side (local memory or a session store). */
  hasServerSessions = false;
  /** Hook for faults.ts (set by index.ts) so the engine does not import it. */
  onFault: (index: number, phase: number) => void = () => {};

  constructor(
    readonly seed: number,
    durationMs: number,
    readonly partitionCount: number,
    bucketMs: number,
  ) {
    this.endUs = durationMs * 1000;
    this.rec = new Recorder(bucketMs, partitionCount);
  }

  rngFor(id: string): Rng {
    return Rng.forNode(this.seed, id);
  }

  addNode(node: SimNode): void {
    if (node.idx !== this.nodes.length) throw new Error('node index out of order');
    this.nodes.push(node);
    this.byId.set(node.id, node);
    this.nodeHash.push(hashString(node.id));
    this.rec.addNode(node.id);
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

  fail(message: string): never {
    throw new InvariantError(message, this.seed, this.nowUs);
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

  timer(node: SimNode, delayUs: number, tag: number, a = 0, b = 0): void {
    this.queue.push(this.nowUs + delayUs, EV.timer, node.idx, tag, a, b, node.incarnation);
  }

  scheduleFault(atUs: number, index: number, phase: number): void {
    this.queue.push(atUs, EV.fault, -1, index, phase, 0, 0);
  }

  /** A new call from `from` over `edge` (to `to`, normally the edge's target), held by the caller. */
  newCall(from: SimNode, edge: SimEdge, op: number, to = edge.to): number {
    return this.calls.alloc(from.idx, to, edge.idx, op);
  }

  /** Sends a call's request; the caller's timeout starts now. */
  sendRequest(c: number, extraUs = 0): void {
    const calls = this.calls;
    const from = this.nodes[calls.from[c]!]!;
    if (from.kind !== 'client') this.rec.add(from.idx, C.remoteCalls, 1);
    this.rec.edgeCur[calls.edge[c]! * NE + E.requests]! += 1;
    const gen = calls.gen[c]!;
    const isOneWay = (calls.flags[c]! & FLAG_ONE_WAY) !== 0;
    const isSent = this.transmit(c, from, this.nodes[calls.to[c]!]!, this.edges[calls.edge[c]!]!, EV.deliverReq, extraUs);
    if (isOneWay) {
      if (!isSent && calls.gen[c] === gen) calls.releaseByCaller(c);
      return;
    }
    // An inline delivery may already have answered the call.
    if (from.timeoutUs > 0 && calls.gen[c] === gen && calls.isHeldByCaller(c)) {
      let f = from.timeouts;
      if (f === null) f = from.timeouts = new TimeoutFifo();
      const deadline = this.nowUs + from.timeoutUs;
      // Drop answered calls at the head now, so the FIFO holds about the calls in flight rather
      // than every call of the last timeout period.
      while (f.length > 0) {
        const h = f.headCall();
        if (calls.gen[h] === f.headGen() && (calls.held[h]! & 1) !== 0 && calls.from[h] === from.idx) break;
        f.shift();
      }
      f.push(c, gen, deadline);
      if (f.armedUs < 0) {
        f.armedUs = deadline;
        this.queue.push(deadline, EV.timeout, from.idx, 0, 0, 0, from.incarnation);
      }
    }
  }

  /** The callee answers; `extraUs` is processing time folded into the answer's delivery. */
  reply(node: SimNode, c: number, status: number, extraUs = 0): void {
    const calls = this.calls;
    calls.status[c] = status;
    const rec = this.rec;
    const i = node.idx;
    if (status === STATUS.ok) rec.add(i, C.ok, 1);
    else {
      rec.add(i, C.failed, 1);
      const k = FAIL_COUNTER[status]!;
      if (k >= 0) rec.add(i, k, 1);
    }
    rec.latency(i, this.nowUs + extraUs - calls.arriveUs[c]!);
    this.transmit(c, node, this.nodes[calls.from[c]!]!, this.edges[calls.edge[c]!]!, EV.deliverResp, extraUs);
    calls.releaseByCallee(c);
  }

  /** Puts a message on the wire: false when the network drops it at once. */
  private transmit(c: number, from: SimNode, to: SimNode, edge: SimEdge, type: number, extraUs: number): boolean {
    this.sent++;
    if ((this.cuts.length !== 0 && !this.canReach(from.idx, to.idx)) || this.isLost(from, to, edge)) {
      this.dropped++;
      return false;
    }
    let d = edge.latUs;
    if (edge.jitterUs > 0) d += Math.floor(from.rng.next() * (edge.jitterUs + 1));
    const f = from.latencyFactor > to.latencyFactor ? from.latencyFactor : to.latencyFactor;
    if (f !== 1) d = Math.round(d * f);
    this.inFlight++;
    if (d + extraUs === 0 && this.inlineDepth < INLINE_DEPTH_MAX && to.isUp && !to.isPaused) {
      // A zero-delay hop to a live node is delivered now rather than through the heap: the
      // order is still fixed (it happens inside the sender's event), and it halves the events
      // of zero-latency models. It takes a sequence number and is folded into the trace hash.
      this.inlineDepth++;
      const seq = this.queue.takeSeq();
      this.fold(this.nowUs, seq, type, to.idx);
      this.deliver(type, to.idx, c, this.calls.gen[c]!, 0, seq);
      this.inlineDepth--;
      return true;
    }
    this.queue.push(this.nowUs + d + extraUs, type, to.idx, c, this.calls.gen[c]!, 0, 0);
    return true;
  }

  /** A connection reset from the host of a dead process: no jitter, no loss, no node behaviour. */
  private refuse(c: number, deadNode: SimNode): void {
    const calls = this.calls;
    calls.status[c] = STATUS.down;
    const edge = this.edges[calls.edge[c]!]!;
    this.sent++;
    this.inFlight++;
    this.queue.push(this.nowUs + edge.latUs, EV.deliverResp, calls.from[c]!, c, calls.gen[c]!, 0, 0);
    void deadNode;
  }

  private isLost(from: SimNode, to: SimNode, edge: SimEdge): boolean {
    const p = edge.lossRate + edge.extraLoss + from.lossRate + to.lossRate;
    if (p === 0) return false;
    const keep = (1 - edge.lossRate) * (1 - edge.extraLoss) * (1 - from.lossRate) * (1 - to.lossRate);
    return from.rng.next() >= keep;
  }

  canReach(a: number, b: number): boolean {
    for (const cut of this.cuts) {
      const ga = cut.groupOf[a] ?? -1;
      const gb = cut.groupOf[b] ?? -1;
      if (ga >= 0 && gb >= 0 && ga !== gb) return false;
    }
    return true;
  }

  /** A session the user still held is gone; counted once per (user, session). */
  sessionLost(node: SimNode, globalUser: number, gen: number): boolean {
    if (gen === 0 || this.userSession[globalUser] !== gen || this.sessionLostGen[globalUser] === gen) return false;
    this.sessionLostGen[globalUser] = gen;
    this.rec.add(node.idx, C.sessionsLost, 1);
    return true;
  }

  /** Stops a process: in-memory state gone, in-flight calls reset, its timers void. */
  crash(node: SimNode): void {
    if (!node.isUp) return;
    node.isUp = false;
    node.isReady = false;
    node.incarnation++;
    const calls = this.calls;
    const deferred = node.deferred;
    node.deferred = [];
    node.isPaused = false;
    for (let k = 0; k < deferred.length; k += 5) {
      const c = deferred[k + 1]!;
      if (deferred[k] === EV.deliverReq && calls.isValid(c, deferred[k + 2]!) && calls.isHeldByCaller(c)) {
        if ((calls.flags[c]! & FLAG_ONE_WAY) !== 0) calls.releaseByCaller(c);
        else this.refuse(c, node);
      }
    }
    const me = node.idx;
    for (let c = 0; c < calls.highWater; c++) {
      if (calls.held[c] === 0) continue;
      if (calls.to[c] === me && calls.isHeldByCallee(c)) {
        if (calls.isHeldByCaller(c)) this.refuse(c, node);
        calls.releaseByCallee(c);
      }
      if (calls.held[c] !== 0 && calls.from[c] === me && calls.isHeldByCaller(c)) calls.releaseByCaller(c);
    }
    node.timeouts?.clear();
    node.onCrash();
  }

  restart(node: SimNode): void {
    if (node.isUp || node.isRemoved) return;
    node.isUp = true;
    node.onRestart();
  }

  pause(node: SimNode): void {
    if (node.isUp) node.isPaused = true;
  }

  /** Resumes a paused node: what arrived meanwhile is handled now, in arrival order. */
  resume(node: SimNode): void {
    if (!node.isPaused) return;
    node.isPaused = false;
    const d = node.deferred;
    node.deferred = [];
    for (let k = 0; k < d.length; k += 5) this.queue.push(this.nowUs, d[k]!, node.idx, d[k + 1]!, d[k + 2]!, d[k + 3]!, d[k + 4]!);
  }

  /** Runs until the end of the scenario (or cancellation). */
  run(hooks: RunHooks): void {
    const q = this.queue;
    const nodes = this.nodes;
    const rec = this.rec;
    const endUs = this.endUs;
    const trace = hooks.trace;
    this.trace = trace;
    let lastCheck = 0;
    const maxEvents = hooks.maxEvents ?? EVENTS_MAX_DEFAULT;
    {
      while (q.length > 0) {
        const t = q.peekTimeUs();
        if (t >= endUs) break;
        const slot = q.pop();
        const type = q.type[slot]!;
        const n = q.node[slot]!;
        const a = q.a[slot]!;
        const b = q.b[slot]!;
        const cArg = q.c[slot]!;
        const inc = q.inc[slot]!;
        const seq = q.seq[slot]!;
        if (t < this.nowUs) this.fail(`time went back from ${this.nowUs} to ${t} µs`);
        this.nowUs = t;
        while (t >= rec.bucketEndUs) this.flushBucket();
        this.fold(t, seq, type, n);
        const count = this.processed;
        if (count - lastCheck >= CHECK_EVERY) {
          lastCheck = count;
          if (count > maxEvents) throw new EventBudgetError(maxEvents);
          hooks.onProgress?.(t / endUs);
          if (hooks.isCancelled?.() === true) {
            this.isCancelled = true;
            break;
          }
        }
        let isHandled = false;
        const wasNodeUp = trace !== undefined && n >= 0 && nodes[n]!.isUp;
        switch (type) {
          case EV.deliverReq:
          case EV.deliverResp:
            isHandled = this.deliver(type, n, a, b, inc, -1);
            break;
          case EV.timer:
          case EV.timeout: {
            // A timer of a previous life (before a crash) is void; one due while paused waits.
            const node = nodes[n]!;
            if (inc !== node.incarnation || !node.isUp) break;
            if (node.isPaused) {
              node.deferred.push(type, a, b, cArg, inc);
              break;
            }
            isHandled = true;
            if (type === EV.timer) node.onTimer(a, b, cArg);
            else this.fireTimeouts(node);
            break;
          }
          case EV.fault:
            this.onFault(a, b);
            break;
          default:
            this.fail(`unknown event type ${type}`);
        }
        if (trace !== undefined) trace({ timeUs: t, seq, type: EV_NAMES[type]!, node: n >= 0 ? nodes[n]!.id : undefined, isHandled, wasNodeUp });
      }
    }
    if (!this.isCancelled) this.nowUs = endUs;
    // Close every bucket up to the end (the last one may be partial).
    while (rec.bucketIndex * rec.bucketUs < this.nowUs || rec.bucketIndex === 0) this.flushBucket();
  }

  /** Closes the recorder's bucket, with each node's inFlight gauge counted from the call pool. */
  private flushBucket(): void {
    const calls = this.calls;
    const rec = this.rec;
    const held = calls.held;
    const to = calls.to;
    const n = calls.highWater;
    for (let c = 0; c < n; c++) if ((held[c]! & HELD_BY_CALLEE) !== 0) rec.add(to[c]!, C.inFlight, 1);
    rec.flush(this.nodes);
  }

  /** Delivers a request or response message; returns whether the node's behaviour ran. */
  private deliver(type: number, n: number, a: number, b: number, inc: number, inlineSeq: number): boolean {
    const node = this.nodes[n]!;
    const calls = this.calls;
    if (inc !== -1) {
      this.inFlight--;
      if (!node.isUp) {
        this.dropped++;
        if (type === EV.deliverReq && calls.isValid(a, b) && calls.isHeldByCaller(a)) {
          if ((calls.flags[a]! & FLAG_ONE_WAY) !== 0) calls.releaseByCaller(a);
          else this.refuse(a, node);
        }
        return false;
      }
      this.delivered++;
    }
    if (node.isPaused) {
      node.deferred.push(type, a, b, 0, -1);
      return false;
    }
    let isHandled = false;
    if (type === EV.deliverReq) {
      if (calls.isValid(a, b)) {
        if (!node.isUp) this.fail(`${node.id} handled a request while down`);
        isHandled = true;
        calls.arriveUs[a] = this.nowUs;
        this.rec.add(n, C.requests, 1);
        if ((calls.flags[a]! & FLAG_ONE_WAY) !== 0) {
          node.onRequest(a);
          calls.releaseByCaller(a);
        } else {
          calls.takeByCallee(a);
          node.onRequest(a);
        }
      }
    } else if (calls.isValid(a, b) && calls.isHeldByCaller(a) && calls.from[a] === n) {
      if (!node.isUp) this.fail(`${node.id} handled a response while down`);
      isHandled = true;
      const status = calls.status[a]!;
      if (status !== STATUS.ok && status !== STATUS.miss) this.rec.edgeCur[calls.edge[a]! * NE + E.failed]! += 1;
      node.onResponse(a);
    }
    if (inlineSeq >= 0 && this.trace !== undefined) {
      this.trace({ timeUs: this.nowUs, seq: inlineSeq, type: EV_NAMES[type]!, node: node.id, isHandled, wasNodeUp: true });
    }
    return isHandled;
  }

  /** Folds one processed event into the trace hash. */
  private fold(t: number, seq: number, type: number, n: number): void {
    const nh = n >= 0 ? this.nodeHash[n]! : 0;
    const lo = t >>> 0;
    const hi = (t / 4294967296) >>> 0;
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ lo, 0x85ebca6b);
    h1 = Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64;
    h1 = Math.imul(h1 ^ hi ^ (type << 24) ^ nh, 0xcc9e2d51);
    h2 = Math.imul(h2 ^ (seq >>> 0), 0x1b873593);
    h2 = Math.imul((h2 << 15) | (h2 >>> 17), 5) + 0x561ccd1b;
    h2 = Math.imul(h2 ^ nh ^ (type << 28) ^ lo, 0x85ebca6b);
    this.h1 = h1;
    this.h2 = h2;
    this.processed++;
  }

  private fireTimeouts(node: SimNode): void {
    const f = node.timeouts;
    if (f === null) return;
    const calls = this.calls;
    f.armedUs = -1;
    while (f.length > 0) {
      const c = f.headCall();
      if (!calls.isValid(c, f.headGen()) || !calls.isHeldByCaller(c) || calls.from[c] !== node.idx) {
        f.shift();
        continue;
      }
      const dl = f.headDeadlineUs();
      if (dl > this.nowUs) {
        f.armedUs = dl;
        this.queue.push(dl, EV.timeout, node.idx, 0, 0, 0, node.incarnation);
        return;
      }
      f.shift();
      calls.status[c] = STATUS.timeout;
      this.rec.edgeCur[calls.edge[c]! * NE + E.failed]! += 1;
      node.onResponse(c);
      if (!node.isUp) return;
    }
  }

  traceHash(): string {
    const hex = (x: number) => fmix32(x >>> 0).toString(16).padStart(8, '0');
    return hex(this.h1 ^ this.processed) + hex(this.h2 ^ Math.imul(this.processed, 0x9e3779b1));
  }
}
