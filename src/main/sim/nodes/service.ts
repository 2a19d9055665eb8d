/**
 * An application instance: workers, a bounded queue, a service time, and the state choices the
 * course is about (sessions in local memory, a session store or signed tokens; partition
 * ownership with leases). A stateless instance loads what it needs from downstream nodes; a
 * stateful one keeps it in memory and loses it when it stops.
 * Its concepts live beside it as plain functions taking the node: sessions in serviceSessions.ts,
 * partition ownership, leases and handover in serviceOwner.ts, long-lived connections in
 * serviceConnections.ts, request stages and timers in serviceStages.ts. Fields and methods those
 * files use are public here for them; nothing else should call them.
 */
import type { ServiceProps } from '../../../shared/nodeProps';
import type { WiringNeed } from '../../../shared/wiring';
import { FLAG_COLD, FLAG_FORWARDED, FLAG_KEY_ROUTED, FLAG_ONE_WAY, OP, STATUS } from '../calls';
import { SimNode, type Sim, type SimEdge } from '../engine';
import { C, type Recorder } from '../metrics/recorder';
import type { Rng } from '../rng';
import { T_LEASE_NEWS } from '../leases';
import { CallQueue } from '../timeouts';
import { acceptConnection, startConnect } from './serviceConnections';
import { forgetOwnership, handOver, onLeaseNews, ownsNothing, renew, renewEveryUs, renewSoon, sampleOwnership, servedAsOwner, updateBelief } from './serviceOwner';
import { checkSession, loseSessions, refreshed } from './serviceSessions';
import {
  STAGE_CACHE,
  STAGE_COMPUTE,
  STAGE_DB,
  STAGE_DB_FILL,
  STAGE_DOWNSTREAM,
  STAGE_FORWARD,
  STAGE_LOAD,
  STAGE_REFRESH,
  STAGE_SESSION,
  T_READY,
  T_RENEW,
  T_WORK,
} from './serviceStages';

export class ServiceNode extends SimNode {
  private busy = 0;
  private isDequeuing = false;
  private readonly queue = new CallQueue();
  /** local-memory sessions: global user → session generation. */
  readonly sessions = new Map<number, number>();
  storeEdge: SimEdge | undefined;
  cacheEdge: SimEdge | undefined;
  dbEdge: SimEdge | undefined;
  private downstreamEdge: SimEdge | undefined;
  coordinatorEdge: SimEdge | undefined;
  private readonly meanUs: number;
  /** Partition → epoch this instance believes it owns it with (0: not owned). */
  readonly ownedEpoch: Int32Array;
  /** Partition → when its state is recovered and it can serve it. */
  readonly readyAtUs: Float64Array;
  version: string;
  /** Newest coordinator assignment version this instance has applied. */
  beliefVersion = -1;
  /** rolling-deploy with checkpoint: sessions survive the next stop. */
  keepsStateOnStop = false;
  /** Handing its partitions over before a planned stop: it renews no more, so it does not rejoin. */
  isLeaving = false;
  /** Requests that reached this instance, for the '@busiest-service' fault target. */
  requestsReceived = 0;
  /** Connections its settings need and the design lacks (shared/wiring.ts; set by build.ts, copied to clones). */
  get missing(): ReadonlySet<WiringNeed> {
    return this.missingNeeds;
  }
  set missing(needs: ReadonlySet<WiringNeed>) {
    this.missingNeeds = needs;
    this.lacksCoordinator = needs.has('coordinator');
  }
  private missingNeeds: ReadonlySet<WiringNeed> = new Set();
  /** missing.has('coordinator'), read on every request. */
  private lacksCoordinator = false;
  /** serviceTimeMs.distribution as a number for the hot path: 0 exponential, 1 uniform, 2 fixed. */
  private readonly distCode: number;
  /** Partition → 1 when it was taken over and could not be recovered (recoverFrom replica, none wired). */
  readonly isUnrecoverable: Uint8Array;
  /** Links to other owners for forwarding, made on first use (not graph edges: an intra-tier hop). */
  readonly peerEdges = new Map<number, SimEdge>();

  constructor(
    sim: Sim,
    idx: number,
    id: string,
    rng: Rng,
    readonly props: ServiceProps,
  ) {
    super(sim, idx, id, 'service', rng);
    this.meanUs = props.serviceTimeMs.mean * 1000;
    const dist = props.serviceTimeMs.distribution;
    this.distCode = dist === 'exponential' ? 0 : dist === 'uniform' ? 1 : 2;
    this.timeoutUs = Math.round(props.callTimeoutMs * 1000);
    this.ownedEpoch = new Int32Array(sim.partitionCount);
    this.readyAtUs = new Float64Array(sim.partitionCount);
    this.isUnrecoverable = new Uint8Array(sim.partitionCount);
    this.version = props.version;
  }

  get usesLeases(): boolean {
    return this.props.ownsPartitions && this.coordinatorEdge !== undefined && this.sim.model.ownership !== null;
  }

  /** Resolves downstream edges (after clones got theirs). */
  wire(): void {
    this.storeEdge = this.edgeTo('session-store');
    this.cacheEdge = this.edgeTo('cache');
    this.dbEdge = this.edgeTo('database');
    this.downstreamEdge = this.edgeTo('service', 'load-balancer');
    this.coordinatorEdge = this.edgeTo('coordinator');
  }

  override start(): void {
    this.wire();
    if (this.missing.has('sessionStore')) this.sim.log('not-wired', this, { node: this.id });
    if (this.missing.has('coordinator')) this.sim.log('not-wired.coordinator', this, { node: this.id });
    if (this.usesLeases) {
      // A design starts warm (its owners already hold their partitions' state) unless the scenario says cold start.
      updateBelief(this, this.sim.model.ownership!.latestVersion, !this.sim.model.isColdStart);
      renewSoon(this, renewEveryUs(this));
    }
  }

  override isIdle(): boolean {
    return this.busy === 0 && this.queue.length === 0;
  }

  /** A health probe waits for a worker behind the queued requests; a full queue answers "overloaded". */
  override probeWaitUs(): number {
    if (!this.isReady || this.queue.length >= this.props.queueLimit) return -1;
    if (this.busy < this.props.workers) return 0;
    return Math.round(((this.queue.length + 1) * this.meanUs * this.serviceFactor) / this.props.workers);
  }

  override onRequest(c: number): void {
    const sim = this.sim;
    this.requestsReceived++;
    if (!this.isReady) {
      sim.noteFailure(this, STATUS.down, 'failing.down.starting');
      sim.reply(this, c, STATUS.down);
      return;
    }
    if (this.busy < this.props.workers) this.startWork(c);
    else if (this.queue.length < this.props.queueLimit) this.queue.push(c);
    else {
      sim.noteFailure(this, STATUS.overloaded, undefined, { count: this.queue.length });
      sim.reply(this, c, STATUS.overloaded);
    }
  }

  private startWork(c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    this.busy++;
    if (sim.tracer !== null) sim.tracer.onStart(this, c);
    sim.rec.add(this.idx, C.queueWaitSumUs, sim.nowUs - calls.arriveUs[c]!);
    sim.rec.add(this.idx, C.queueWaitCount, 1);
    // A long-lived connection: a handshake's work (none for one that existed before the run).
    if (calls.op[c] === OP.connect) return startConnect(this, c);
    const user = calls.user[c]!;
    if (user >= 0) return checkSession(this, c, user);
    this.compute(c);
  }

  /** The instance's own work for a request: its service time (plus `extraUs`), then its data step. */
  compute(c: number, extraUs = 0): void {
    const calls = this.sim.calls;
    calls.stage[c] = STAGE_COMPUTE;
    const dist = this.distCode;
    const m = this.meanUs * this.serviceFactor;
    const us = dist === 0 ? this.rng.expRounded(m, extraUs) : Math.round((dist === 1 ? this.rng.next() * 2 * m : m) + extraUs);
    if (this.sim.tracer !== null) this.sim.tracer.onCompute(this, c, us);
    this.sim.timer(this, us, T_WORK, c, calls.gen[c]!);
  }

  override onTimer(tag: number, a: number, b: number): void {
    if (tag === T_WORK) {
      if (this.sim.calls.isValid(a, b)) this.dataStep(a);
    } else if (tag === T_READY) {
      this.isReady = true;
      this.sim.log('ready', this, { node: this.id, version: this.version });
      if (this.usesLeases) renewSoon(this, 0);
    } else if (tag === T_RENEW) {
      if (this.isLeaving) return;
      renew(this);
      renewSoon(this, renewEveryUs(this));
    } else if (tag === T_LEASE_NEWS && this.usesLeases) {
      onLeaseNews(this, a);
    }
  }

  private dataStep(c: number): void {
    const op = this.sim.calls.op[c]!;
    if (op === OP.connect) return acceptConnection(this, c);
    // An owner with no lease service to ask owns nothing.
    if (this.lacksCoordinator) {
      this.sim.noteFailure(this, STATUS.notWired, 'failing.notWired.coordinator');
      return this.finish(c, STATUS.notWired);
    }
    if (this.props.ownsPartitions && servedAsOwner(this, c, op)) return;
    if (this.downstreamEdge !== undefined) return this.callChild(c, this.downstreamEdge, op, STAGE_DOWNSTREAM);
    if (op === OP.read && this.cacheEdge !== undefined) return this.callChild(c, this.cacheEdge, op, STAGE_CACHE);
    if (this.dbEdge !== undefined) return this.callChild(c, this.dbEdge, op, STAGE_DB);
    this.finish(c, STATUS.ok);
  }

  /** Calls a node behind this one for request `parent`, which waits at `stage` for the answer. */
  callChild(parent: number, edge: SimEdge, op: number, stage: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    calls.stage[parent] = stage;
    const to = this.sim.nodes[edge.to]!.kind === 'database' ? sim.model.databaseLeader(edge.to) : edge.to;
    const child = sim.newCall(this, edge, op, to);
    calls.parent[child] = parent;
    calls.parentGen[child] = calls.gen[parent]!;
    calls.key[child] = calls.key[parent]!;
    calls.user[child] = calls.user[parent]!;
    calls.session[child] = calls.session[parent]!;
    calls.epoch[child] = calls.epoch[parent]!;
    calls.t0Us[child] = sim.nowUs;
    if (stage === STAGE_FORWARD) {
      // The session was checked here; the owner only serves the key.
      calls.flags[child] = FLAG_FORWARDED;
      calls.user[child] = -1;
    } else if (edge === this.cacheEdge) {
      // A key that moved here is not in the cache for this instance either: the cache misses it.
      calls.flags[child] = calls.flags[parent]! & FLAG_COLD;
    }
    sim.sendRequest(child);
  }

  override onResponse(child: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const status = calls.status[child]!;
    const parent = calls.parent[child]!;
    if (parent < 0) {
      // A lease renewal: the answer carries the coordinator's current assignment.
      if (calls.op[child] === OP.lease && status === STATUS.ok && this.usesLeases) updateBelief(this, calls.epoch[child]!);
      calls.releaseByCaller(child);
      return;
    }
    const startedUs = calls.t0Us[child]!;
    calls.releaseByCaller(child);
    if (!calls.isServedBy(parent, calls.parentGen[child]!, this.idx)) return;
    switch (calls.stage[parent]) {
      case STAGE_LOAD:
        sim.rec.add(this.idx, C.warmupSumUs, sim.nowUs - startedUs);
        // The cache missed and does not read through: load from the database behind this owner.
        if (status === STATUS.miss && this.dbEdge !== undefined) return this.callChild(parent, this.dbEdge, OP.read, STAGE_LOAD);
        sim.rec.add(this.idx, C.coldLoads, 1);
        if (status === STATUS.ok || status === STATUS.miss) this.dataStep(parent);
        else this.finish(parent, status);
        return;
      case STAGE_SESSION:
        if (status === STATUS.ok) this.compute(parent);
        else this.finish(parent, status);
        return;
      case STAGE_REFRESH:
        if (status === STATUS.ok) refreshed(this, parent);
        else this.finish(parent, status);
        return;
      case STAGE_CACHE:
        this.countKeyed(parent, status, sim.nowUs - startedUs);
        if (status === STATUS.ok) this.finish(parent, STATUS.ok);
        else if (this.dbEdge !== undefined) this.callChild(parent, this.dbEdge, OP.read, status === STATUS.miss ? STAGE_DB_FILL : STAGE_DB);
        else this.finish(parent, status === STATUS.miss ? STATUS.ok : status);
        return;
      case STAGE_DB_FILL:
        if ((calls.flags[parent]! & FLAG_COLD) !== 0) sim.rec.add(this.idx, C.warmupSumUs, sim.nowUs - startedUs);
        if (status === STATUS.ok && this.cacheEdge !== undefined) {
          const fill = sim.newCall(this, this.cacheEdge, OP.fill);
          calls.key[fill] = calls.key[parent]!;
          calls.flags[fill] = FLAG_ONE_WAY;
          sim.sendRequest(fill);
        }
        this.finish(parent, status);
        return;
      default:
        this.finish(parent, status);
    }
  }

  /**
   * A key-routed read the cache behind this instance answered: a key that moved here is a cold miss
   * (coldMissRate, warmupMs, with the database read that follows), any other a warm read.
   */
  private countKeyed(c: number, status: number, tookUs: number): void {
    const flags = this.sim.calls.flags[c]!;
    if ((flags & FLAG_KEY_ROUTED) === 0) return;
    const rec = this.sim.rec;
    if ((flags & FLAG_COLD) === 0) return rec.add(this.idx, C.warmReads, 1);
    rec.add(this.idx, C.coldLoads, 1);
    rec.add(this.idx, C.warmupSumUs, tookUs);
  }

  /** Answers request `c` and frees its worker for the next queued request. */
  finish(c: number, status: number): void {
    this.sim.reply(this, c, status);
    this.busy--;
    // A request that fails at once (lost session) finishes inside startWork: the outer loop
    // keeps dequeuing, so a long queue never recurses deeply.
    if (this.isDequeuing) return;
    this.isDequeuing = true;
    while (this.busy < this.props.workers && this.queue.length > 0) this.startWork(this.queue.shift());
    this.isDequeuing = false;
  }

  /** A clone made by scale-out: starts up, then joins the coordinator if it owns partitions. */
  bootAsNew(): void {
    this.wire();
    this.onRestart();
  }

  /** Syncs belief with an assignment version of the coordinator (serviceOwner.ts). */
  updateBelief(version: number, isWarm = false): void {
    updateBelief(this, version, isWarm);
  }

  /** A planned stop with controlledShutdown hands its partitions over first (serviceOwner.ts). */
  handOver(): boolean {
    return handOver(this);
  }

  /** True when it believes it owns no partition. */
  ownsNothing(): boolean {
    return ownsNothing(this);
  }

  override onCrash(): void {
    this.isLeaving = false;
    this.busy = 0;
    this.isDequeuing = false;
    this.queue.clear();
    forgetOwnership(this);
    if (this.keepsStateOnStop) {
      this.keepsStateOnStop = false;
      return;
    }
    loseSessions(this);
  }

  override onRestart(): void {
    this.isReady = false;
    this.sim.timer(this, Math.round(this.props.startupMs * 1000), T_READY);
  }

  override sampleGauges(rec: Recorder): void {
    super.sampleGauges(rec);
    rec.set(this.idx, C.sessionsHeld, this.sessions.size);
    rec.set(this.idx, C.queueLength, this.queue.length);
    sampleOwnership(this, rec);
  }
}
