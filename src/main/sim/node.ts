/**
 * What the engine runs: a node (its life-cycle flags and the behaviour hooks nodes/* implement)
 * and a link between two nodes.
 */
import { FAILURE_REASON_KEYS } from '../../shared/failureReasons';
import type { NodeKind } from '../../shared/graph';
import type { Sim } from './engine';
import { C, type Recorder } from './metrics/recorder';
import type { Rng } from './rng';
import type { TimeoutFifo } from './timeouts';

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
  /** A forwarding link between two partition owners, made at run time (not a design edge; never cloned). */
  isPeer?: boolean;
}

/**
 * What the engine reads about a node on every event, in one object shape for every kind of node.
 * A node is an instance of its kind's class, so in V8 a field read on "some node" in the engine's
 * shared paths (delivery, timers, the transport) meets many shapes and becomes a slow generic
 * lookup; those paths read the node's core (`Network.cores[n]`) instead. The node's own
 * properties of the same names are accessors onto it, so there is one copy of each.
 */
export class NodeCore {
  isUp = true;
  isPaused = false;
  /** Bumped on every crash so timers of the previous life are ignored. */
  incarnation = 0;
  /** Multiplies the latency of this node's links (slow fault). */
  latencyFactor = 1;
  /** Loss on every message to or from this node (link-loss fault). */
  lossRate = 0;
  /** Timeout of the calls this node makes (0: none). */
  timeoutUs = 0;
  timeouts: TimeoutFifo | null = null;

  constructor(
    readonly idx: number,
    readonly rng: Rng,
    readonly isClient: boolean,
  ) {}
}

export abstract class SimNode {
  /** The engine's view of this node (see NodeCore); isUp, isPaused, incarnation, latencyFactor, lossRate, timeoutUs and timeouts live there. */
  readonly core: NodeCore;
  get isUp(): boolean {
    return this.core.isUp;
  }
  set isUp(v: boolean) {
    this.core.isUp = v;
  }
  /** False while starting up (or stopped): up but not serving. */
  isReady = true;
  get isPaused(): boolean {
    return this.core.isPaused;
  }
  set isPaused(v: boolean) {
    this.core.isPaused = v;
  }
  /** Removed by scale-in: never restarts. */
  isRemoved = false;
  /** Bumped on every crash so timers of the previous life are ignored. */
  get incarnation(): number {
    return this.core.incarnation;
  }
  set incarnation(v: number) {
    this.core.incarnation = v;
  }
  /** Multiplies service time (slow fault). */
  serviceFactor = 1;
  /** Multiplies the latency of this node's links (slow fault). */
  get latencyFactor(): number {
    return this.core.latencyFactor;
  }
  set latencyFactor(v: number) {
    this.core.latencyFactor = v;
  }
  /** Loss on every message to or from this node (link-loss fault). */
  get lossRate(): number {
    return this.core.lossRate;
  }
  set lossRate(v: number) {
    this.core.lossRate = v;
  }
  /** Request edges out, in graph order. */
  out: SimEdge[] = [];
  /** Request edges in. */
  inbound: SimEdge[] = [];
  replOut: SimEdge[] = [];
  replIn: SimEdge[] = [];
  /** Timeout of the calls this node makes (0: none). */
  get timeoutUs(): number {
    return this.core.timeoutUs;
  }
  set timeoutUs(v: number) {
    this.core.timeoutUs = v;
  }
  get timeouts(): TimeoutFifo | null {
    return this.core.timeouts;
  }
  set timeouts(f: TimeoutFifo | null) {
    this.core.timeouts = f;
  }
  /** Events that arrived while paused: [type, a, b, c, inc] ... */
  deferred: number[] = [];
  /** A load balancer sends to it. */
  isLbTarget = false;
  /** A client whose users keep one connection (load balancers pin them to a target). */
  hasLongLivedConnections = false;
  /** Long-lived connections this node holds (connections.ts keeps it). */
  connectionsHeld = 0;
  /** Credits per second this node costs while it exists (shared/nodeKinds NODE_COST; set by build.ts). */
  costPerSecond = 0;
  /** Cost is accrued up to here. */
  private costSinceUs: number;
  /** When the current pause began (-1: not paused); failure detectors compare it with their bound. */
  pausedAtUs = -1;
  /** When the current pause will end, when known (a fault's or the noise's duration; Infinity: not known). */
  pauseEndsAtUs = Infinity;
  /** Whether the current pause is the scenario's background noise (a GC-like hiccup) rather than a fault. */
  isPauseNoise = false;
  /** The last pause that ended: when it began and ended (-1: none yet), and whether it was noise. */
  lastPauseFromUs = -1;
  lastPauseToUs = -1;
  lastPauseWasNoise = false;
  /** Random stream of the health probes this node sends (probes.ts), apart from its own. */
  probeRng: Rng | null = null;
  /** Per failure reason (table order): when this node last failed a request for it (engine `failureStarts`). */
  readonly lastFailedUs = new Float64Array(FAILURE_REASON_KEYS.length).fill(-Infinity);

  constructor(
    readonly sim: Sim,
    readonly idx: number,
    readonly id: string,
    readonly kind: NodeKind,
    readonly rng: Rng,
  ) {
    this.core = new NodeCore(idx, rng, kind === 'client');
    // A clone made by scale-out costs from the moment it exists.
    this.costSinceUs = sim.nowUs;
  }

  /** A request call arrived and this node now holds it; it must eventually reply (or crash). */
  abstract onRequest(c: number): void;
  /** An answer (or timeout) for a call this node made; the node must release it. */
  onResponse(c: number): void {
    this.sim.calls.releaseByCaller(c);
  }
  /** A call it held back (FLAG_HELD_BACK, never sent) reached its timeout (status: timeout); the node must release it. */
  onGaveUpWaiting(c: number): void {
    this.onResponse(c);
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
    if (this.connectionsHeld > 0) rec.set(this.idx, C.connectionsOpen, this.connectionsHeld);
    this.accrueCost(rec);
  }
  /** Adds the cost of the time since the last accrual, up to the bucket's end (the run's end for the last one). */
  private accrueCost(rec: Recorder): void {
    const untilUs = this.sim.isFinished ? Math.min(rec.bucketEndUs, this.sim.nowUs) : rec.bucketEndUs;
    // A node removed by scale-in costs nothing more; a crashed one is still provisioned.
    if (!this.isRemoved && untilUs > this.costSinceUs && this.costPerSecond > 0) rec.add(this.idx, C.costUnits, ((untilUs - this.costSinceUs) / 1e6) * this.costPerSecond);
    this.costSinceUs = Math.max(this.costSinceUs, untilUs);
  }
  /**
   * A health probe reached this live, unpaused node: how long its answer waits behind the node's
   * own work, or -1 when it answers "not ready" (starting up, overloaded).
   */
  probeWaitUs(): number {
    return this.isReady ? 0 : -1;
  }
  /** A health probe this node sent (probes.ts) was answered (`isOk`), refused or timed out (false). */
  onProbeResult(_slot: number, _seq: number, _isOk: boolean): void {}
  isServing(): boolean {
    const core = this.core;
    return core.isUp && this.isReady && !core.isPaused;
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
