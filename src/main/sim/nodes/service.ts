/**
 * An application instance: workers, a bounded queue, a service time, and the state choices the
 * course is about (sessions in local memory, a session store or signed tokens; partition
 * ownership with leases). A stateless instance loads what it needs from downstream nodes; a
 * stateful one keeps it in memory and loses it when it stops.
 */
import type { ServiceProps } from '../../../shared/nodeProps';
import { FLAG_LOGIN as FLAG_LOGIN_, FLAG_ONE_WAY as FLAG_ONE_WAY_, OP as OP_, STATUS as STATUS_ } from '../calls';
import { SimNode, type Sim, type SimEdge } from '../engine';
import { partitionOf as partitionOf_ } from '../hashing';
import { C as C_, type Recorder } from '../metrics/recorder';
import type { Rng } from '../rng';
import { CallQueue } from '../timeouts';

// Hot imports as module-local constants (why: see engine.ts).
const FLAG_LOGIN = FLAG_LOGIN_;
const FLAG_ONE_WAY = FLAG_ONE_WAY_;
const OP = OP_;
const STATUS = STATUS_;
const C = C_;
const partitionOf = partitionOf_;

const T_WORK = 1;
const T_READY = 2;
const T_RENEW = 3;

const STAGE_SESSION = 1;
const STAGE_COMPUTE = 2;
const STAGE_CACHE = 3;
const STAGE_DB = 4;
const STAGE_DB_FILL = 5;
const STAGE_DOWNSTREAM = 6;

/** Loading a partition from a live replica: a short, fixed catch-up. */
const REPLICA_RECOVERY_US = 20_000;

export class ServiceNode extends SimNode {
  private busy = 0;
  private isDequeuing = false;
  private readonly queue = new CallQueue();
  /** local-memory sessions: global user → session generation. */
  readonly sessions = new Map<number, number>();
  private storeEdge: SimEdge | undefined;
  private cacheEdge: SimEdge | undefined;
  private dbEdge: SimEdge | undefined;
  private downstreamEdge: SimEdge | undefined;
  coordinatorEdge: SimEdge | undefined;
  private readonly meanUs: number;
  /** Partition → epoch this instance believes it owns it with (0: not owned). */
  readonly ownedEpoch: Int32Array;
  /** Partition → when its state is recovered and it can serve it. */
  readonly readyAtUs: Float64Array;
  version: string;
  /** rolling-deploy with checkpoint: sessions survive the next stop. */
  keepsStateOnStop = false;

  constructor(
    sim: Sim,
    idx: number,
    id: string,
    rng: Rng,
    readonly props: ServiceProps,
  ) {
    super(sim, idx, id, 'service', rng);
    this.meanUs = props.serviceTimeMs.mean * 1000;
    this.timeoutUs = Math.round(props.callTimeoutMs * 1000);
    this.ownedEpoch = new Int32Array(sim.partitionCount);
    this.readyAtUs = new Float64Array(sim.partitionCount);
    this.version = props.version;
  }

  private get usesLeases(): boolean {
    return this.props.ownsPartitions && this.coordinatorEdge !== undefined && this.sim.ownership !== null;
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
    if (this.usesLeases) {
      this.updateBelief(this.sim.ownership!.latestVersion);
      this.renewSoon(this.renewEveryUs());
    }
  }

  private renewEveryUs(): number {
    return Math.max(1000, Math.round(this.sim.leaseTtlUs / 3));
  }

  private renewSoon(delayUs: number): void {
    this.sim.timer(this, delayUs, T_RENEW);
  }

  override isIdle(): boolean {
    return this.busy === 0 && this.queue.length === 0;
  }

  override onRequest(c: number): void {
    const sim = this.sim;
    if (!this.isReady) {
      sim.reply(this, c, STATUS.down);
      return;
    }
    if (this.busy < this.props.workers) this.startWork(c);
    else if (this.queue.length < this.props.queueLimit) this.queue.push(c);
    else sim.reply(this, c, STATUS.overloaded);
  }

  private startWork(c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    this.busy++;
    sim.rec.add(this.idx, C.queueWaitSumUs, sim.nowUs - calls.arriveUs[c]!);
    sim.rec.add(this.idx, C.queueWaitCount, 1);
    const mode = this.props.sessions;
    const user = calls.user[c]!;
    if (user >= 0 && mode === 'local-memory') {
      const gen = calls.session[c]!;
      if ((calls.flags[c]! & FLAG_LOGIN) !== 0) {
        this.sessions.set(user, gen);
        sim.rec.add(this.idx, C.sessionsCreated, 1);
      } else if (this.sessions.get(user) !== gen) {
        sim.sessionLost(this, user, gen);
        this.finish(c, STATUS.sessionLost);
        return;
      }
    } else if (user >= 0 && mode === 'session-store' && this.storeEdge !== undefined) {
      const isLogin = (calls.flags[c]! & FLAG_LOGIN) !== 0;
      this.callChild(c, this.storeEdge, isLogin ? OP.sessionPut : OP.sessionGet, STAGE_SESSION);
      if (isLogin) sim.rec.add(this.idx, C.sessionsCreated, 1);
      return;
    }
    this.compute(c);
  }

  private compute(c: number): void {
    const calls = this.sim.calls;
    calls.stage[c] = STAGE_COMPUTE;
    const dist = this.props.serviceTimeMs.distribution;
    const m = this.meanUs * this.serviceFactor;
    const us = dist === 'exponential' ? this.rng.exp(m) : dist === 'uniform' ? this.rng.next() * 2 * m : m;
    this.sim.timer(this, Math.round(us), T_WORK, c, calls.gen[c]!);
  }

  override onTimer(tag: number, a: number, b: number): void {
    if (tag === T_WORK) {
      if (this.sim.calls.isValid(a, b)) this.dataStep(a);
    } else if (tag === T_READY) {
      this.isReady = true;
      this.sim.log('ready', this, { node: this.id, version: this.version });
      if (this.usesLeases) this.renewSoon(0);
    } else if (tag === T_RENEW) {
      this.renew();
      this.renewSoon(this.renewEveryUs());
    }
  }

  private renew(): void {
    const sim = this.sim;
    const c = sim.newCall(this, this.coordinatorEdge!, OP.lease);
    sim.sendRequest(c);
  }

  private dataStep(c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const op = calls.op[c]!;
    if (this.usesLeases) {
      const p = partitionOf(calls.key[c]!, this.ownedEpoch.length);
      const epoch = this.ownedEpoch[p]!;
      if (epoch === 0) return this.finish(c, STATUS.noRoute);
      if (sim.nowUs < this.readyAtUs[p]!) return this.finish(c, STATUS.down);
      calls.epoch[c] = epoch;
      if (this.props.state === 'stateful' && op === OP.read) return this.finish(c, STATUS.ok);
    } else if (this.props.state === 'stateful' && this.props.ownsPartitions && op === OP.read) {
      return this.finish(c, STATUS.ok);
    }
    if (this.downstreamEdge !== undefined) return this.callChild(c, this.downstreamEdge, op, STAGE_DOWNSTREAM);
    if (op === OP.read && this.cacheEdge !== undefined) return this.callChild(c, this.cacheEdge, op, STAGE_CACHE);
    if (this.dbEdge !== undefined) return this.callChild(c, this.dbEdge, op, STAGE_DB);
    this.finish(c, STATUS.ok);
  }

  private callChild(parent: number, edge: SimEdge, op: number, stage: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    calls.stage[parent] = stage;
    const to = this.sim.nodes[edge.to]!.kind === 'database' ? sim.databaseLeader(edge.to) : edge.to;
    const child = sim.newCall(this, edge, op, to);
    calls.parent[child] = parent;
    calls.parentGen[child] = calls.gen[parent]!;
    calls.key[child] = calls.key[parent]!;
    calls.user[child] = calls.user[parent]!;
    calls.session[child] = calls.session[parent]!;
    calls.epoch[child] = calls.epoch[parent]!;
    sim.sendRequest(child);
  }

  override onResponse(child: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const status = calls.status[child]!;
    const parent = calls.parent[child]!;
    if (parent < 0) {
      // A lease renewal: the answer carries the coordinator's current assignment.
      if (calls.op[child] === OP.lease && status === STATUS.ok && this.usesLeases) this.updateBelief(calls.epoch[child]!);
      calls.releaseByCaller(child);
      return;
    }
    calls.releaseByCaller(child);
    if (!calls.isServedBy(parent, calls.parentGen[child]!, this.idx)) return;
    switch (calls.stage[parent]) {
      case STAGE_SESSION:
        if (status === STATUS.ok) this.compute(parent);
        else this.finish(parent, status);
        return;
      case STAGE_CACHE:
        if (status === STATUS.ok) this.finish(parent, STATUS.ok);
        else if (this.dbEdge !== undefined) this.callChild(parent, this.dbEdge, OP.read, status === STATUS.miss ? STAGE_DB_FILL : STAGE_DB);
        else this.finish(parent, status === STATUS.miss ? STATUS.ok : status);
        return;
      case STAGE_DB_FILL:
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

  private finish(c: number, status: number): void {
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

  /** Syncs belief with an assignment version of the coordinator (what a renewal answer said). */
  updateBelief(version: number): void {
    const own = this.sim.ownership!;
    const v = own.versions[version]!;
    for (let p = 0; p < own.partitions; p++) {
      const isMine = v.ownerMap[p] === this.idx;
      const had = this.ownedEpoch[p]!;
      if (isMine && had !== v.epoch[p]) {
        if (had === 0) {
          own.changeBelief(p, 1);
          this.readyAtUs[p] = this.sim.nowUs + this.recoveryUs();
          const failedAt = own.failedAtUs[p]!;
          if (failedAt >= 0) {
            this.sim.rec.add(this.idx, C.recoverySumUs, this.readyAtUs[p]! - failedAt);
            this.sim.rec.add(this.idx, C.recoveryCount, 1);
            own.failedAtUs[p] = -1;
          }
        }
        this.ownedEpoch[p] = v.epoch[p]!;
      } else if (!isMine && had !== 0) {
        own.changeBelief(p, -1);
        this.ownedEpoch[p] = 0;
      }
    }
    own.checkRebalance();
  }

  private recoveryUs(): number {
    switch (this.props.recoverFrom) {
      case 'replica':
        return REPLICA_RECOVERY_US;
      case 'database':
        return Math.round(this.props.stateLoadMs * 1000);
      case 'none':
        return 0;
    }
  }

  /** Drops ownership beliefs (on stop). */
  private forgetOwnership(): void {
    const own = this.sim.ownership;
    if (own === null) return;
    for (let p = 0; p < this.ownedEpoch.length; p++) {
      if (this.ownedEpoch[p] !== 0) {
        own.changeBelief(p, -1);
        this.ownedEpoch[p] = 0;
      }
    }
    own.checkRebalance();
  }

  override onCrash(): void {
    this.busy = 0;
    this.isDequeuing = false;
    this.queue.clear();
    this.forgetOwnership();
    if (this.keepsStateOnStop) {
      this.keepsStateOnStop = false;
      return;
    }
    let lost = 0;
    for (const [user, gen] of this.sessions) if (this.sim.sessionLost(this, user, gen)) lost++;
    this.sessions.clear();
    if (lost > 0) this.sim.log('session-lost', this, { node: this.id, count: lost }, lost);
  }

  override onRestart(): void {
    this.isReady = false;
    this.sim.timer(this, Math.round(this.props.startupMs * 1000), T_READY);
  }

  override sampleGauges(rec: Recorder): void {
    super.sampleGauges(rec);
    rec.set(this.idx, C.sessionsHeld, this.sessions.size);
    rec.set(this.idx, C.queueLength, this.queue.length);
    let owned = 0;
    let epochMax = 0;
    for (let p = 0; p < this.ownedEpoch.length; p++) {
      const e = this.ownedEpoch[p]!;
      if (e !== 0) owned++;
      if (e > epochMax) epochMax = e;
    }
    rec.set(this.idx, C.ownedPartitions, owned);
    rec.set(this.idx, C.ownedEpochMax, epochMax);
  }
}
