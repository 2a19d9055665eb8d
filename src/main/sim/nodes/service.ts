/**
 * An application instance: workers, a bounded queue, a service time, and the state choices the
 * course is about (sessions in local memory, a session store or signed tokens; partition
 * ownership with leases). A stateless instance loads what it needs from downstream nodes; a
 * stateful one keeps it in memory and loses it when it stops.
 */
import type { ServiceProps } from '../../../shared/nodeProps';
import type { WiringNeed } from '../../../shared/wiring';
import { FLAG_COLD, FLAG_FORWARDED, FLAG_KEY_ROUTED, FLAG_LOGIN, FLAG_ONE_WAY, OP, STATUS } from '../calls';
import { SimNode, type Sim, type SimEdge } from '../engine';
import { partitionOf } from '../hashing';
import { C, type Recorder } from '../metrics/recorder';
import type { Rng } from '../rng';
import { T_LEASE_NEWS, T_RELEASED } from '../leases';
import { CallQueue } from '../timeouts';
import { timerTag } from './timers';

const T_WORK = timerTag('service', 'work done');
const T_READY = timerTag('service', 'finished starting');
const T_RENEW = timerTag('service', 'lease renewal');

const STAGE_SESSION = 1;
const STAGE_COMPUTE = 2;
const STAGE_CACHE = 3;
const STAGE_DB = 4;
const STAGE_DB_FILL = 5;
const STAGE_DOWNSTREAM = 6;
const STAGE_REFRESH = 7;

/** Link speed a token's bytes travel at: 1 Gbit/s, 125 bytes per microsecond. */
const LINK_BYTES_PER_US = 125;
/** Forwarded to the key's owner. */
const STAGE_FORWARD = 8;
/** Loading a moved key's state from the database before serving it. */
const STAGE_LOAD = 9;

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
  /** Newest coordinator assignment version this instance has applied. */
  private beliefVersion = -1;
  /** rolling-deploy with checkpoint: sessions survive the next stop. */
  keepsStateOnStop = false;
  /** Connections its settings need and the design lacks (shared/wiring.ts; set by build.ts, copied to clones). */
  missing: ReadonlySet<WiringNeed> = new Set();
  /** Partition → 1 when it was taken over and could not be recovered (recoverFrom replica, none wired). */
  private readonly isUnrecoverable: Uint8Array;
  /** Links to other owners for forwarding, made on first use (not graph edges: an intra-tier hop). */
  private readonly peerEdges = new Map<number, SimEdge>();

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
    this.isUnrecoverable = new Uint8Array(sim.partitionCount);
    this.version = props.version;
  }

  private get usesLeases(): boolean {
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
      this.updateBelief(this.sim.model.ownership!.latestVersion, !this.sim.model.isColdStart);
      this.renewSoon(this.renewEveryUs());
    }
  }

  private renewEveryUs(): number {
    return Math.max(1000, Math.round(this.sim.model.leaseTtlUs / 3));
  }

  private renewSoon(delayUs: number): void {
    this.sim.timer(this, delayUs, T_RENEW);
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
    } else if (user >= 0 && mode === 'session-store' && this.missing.has('sessionStore')) {
      // Sessions live in a store that is not connected: nothing can check them.
      this.finish(c, STATUS.notWired);
      return;
    } else if (user >= 0 && mode === 'session-store' && this.storeEdge !== undefined) {
      const isLogin = (calls.flags[c]! & FLAG_LOGIN) !== 0;
      this.callChild(c, this.storeEdge, isLogin ? OP.sessionPut : OP.sessionGet, STAGE_SESSION);
      if (isLogin) sim.rec.add(this.idx, C.sessionsCreated, 1);
      return;
    } else if (user >= 0 && mode === 'signed-token') {
      return this.checkToken(c, user);
    }
    this.compute(c);
  }

  /**
   * A signed token is checked here, without a call: it is valid until it expires, even when its
   * session was revoked. An expired one is refreshed with a call to where refresh tokens are kept
   * (the session store, else the database), which refuses a revoked session. The token's bytes
   * travel with every request: a little latency, counted in tokenBytes.
   */
  private checkToken(c: number, user: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const model = sim.model;
    const gen = calls.session[c]!;
    if ((calls.flags[c]! & FLAG_LOGIN) !== 0) {
      model.tokenIssuedUs[user] = sim.nowUs;
      return this.compute(c);
    }
    const bytes = this.props.tokenBytes;
    sim.rec.add(this.idx, C.tokenBytes, bytes);
    if (sim.nowUs - model.tokenIssuedUs[user]! < this.props.tokenTtlMs * 1000) {
      if (model.isRevoked(user, gen)) sim.rec.add(this.idx, C.acceptedAfterRevoke, 1);
      return this.compute(c, bytes / LINK_BYTES_PER_US);
    }
    const auth = this.storeEdge ?? this.dbEdge;
    if (auth !== undefined) return this.callChild(c, auth, OP.refresh, STAGE_REFRESH);
    this.refreshed(c);
  }

  /** The token's refresh came back: a revoked session logs the user out, any other gets a new token. */
  private refreshed(c: number): void {
    const sim = this.sim;
    const user = sim.calls.user[c]!;
    if (sim.model.isRevoked(user, sim.calls.session[c]!)) return this.finish(c, STATUS.sessionLost);
    sim.model.tokenIssuedUs[user] = sim.nowUs;
    this.compute(c, this.props.tokenBytes / LINK_BYTES_PER_US);
  }

  private compute(c: number, extraUs = 0): void {
    const calls = this.sim.calls;
    calls.stage[c] = STAGE_COMPUTE;
    const dist = this.props.serviceTimeMs.distribution;
    const m = this.meanUs * this.serviceFactor;
    const us = dist === 'exponential' ? this.rng.exp(m) : dist === 'uniform' ? this.rng.next() * 2 * m : m;
    this.sim.timer(this, Math.round(us + extraUs), T_WORK, c, calls.gen[c]!);
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
    } else if (tag === T_LEASE_NEWS && this.usesLeases) {
      // A handover (leases.ts): release or take what the coordinator's new assignment says, then
      // answer; news older than what a renewal already told it changes nothing.
      if (a >= this.beliefVersion) this.updateBelief(a);
      const edge = this.coordinatorEdge!;
      this.sim.timer(this.sim.nodes[edge.to]!, edge.latUs, T_RELEASED, this.idx);
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
    // An owner with no lease service to ask owns nothing.
    if (this.missing.has('coordinator')) return this.finish(c, STATUS.notWired);
    if (this.usesLeases) {
      const p = partitionOf(calls.key[c]!, this.ownedEpoch.length);
      const epoch = this.ownedEpoch[p]!;
      if (epoch === 0) {
        // A partition-aware router that sent it here has a stale view: fail fast so it is retried
        // once the router has caught up (a second guess from this instance's view could be as stale).
        if ((calls.flags[c]! & FLAG_KEY_ROUTED) !== 0) return this.finish(c, STATUS.noRoute);
        const owner = this.beliefVersion < 0 ? -1 : sim.model.ownership!.versions[this.beliefVersion]!.ownerMap[p]!;
        return this.notOwner(c, owner);
      }
      if (this.isUnrecoverable[p] === 1) return this.finish(c, STATUS.notWired);
      if (sim.nowUs < this.readyAtUs[p]!) return this.finish(c, STATUS.down);
      calls.epoch[c] = epoch;
      if (this.props.state === 'stateful' && op === OP.read) return this.finish(c, STATUS.ok);
    } else if (this.props.state === 'stateful' && this.props.ownsPartitions) {
      const flags = calls.flags[c]!;
      if ((flags & (FLAG_KEY_ROUTED | FLAG_FORWARDED)) === 0) {
        // Not routed by key: the key may belong to another owner of the tier.
        const owner = this.staticOwner(partitionOf(calls.key[c]!, this.ownedEpoch.length));
        if (owner !== this.idx) return this.notOwner(c, owner);
      }
      const loadEdge = this.cacheEdge ?? this.dbEdge;
      if ((flags & FLAG_COLD) !== 0 && loadEdge !== undefined && calls.stage[c] !== STAGE_LOAD) {
        // The key moved here: its state is loaded before it is served, through the cache behind
        // this owner (which misses it too: it never held it for this owner), else from the database.
        this.callChild(c, loadEdge, OP.read, STAGE_LOAD);
        return;
      }
      if ((flags & FLAG_COLD) === 0) sim.rec.add(this.idx, C.warmReads, 1);
      if (op === OP.read) return this.finish(c, STATUS.ok);
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

  /**
   * Owners own: a request for a key another instance owns is forwarded there (an extra hop) or
   * failed as "wrong owner", per `nonOwner`; never answered from this instance's memory.
   */
  private notOwner(c: number, owner: number): void {
    const calls = this.sim.calls;
    const isForwardable = this.props.nonOwner === 'forward' && owner >= 0 && owner !== this.idx && (calls.flags[c]! & FLAG_FORWARDED) === 0;
    if (!isForwardable) return this.finish(c, this.usesLeases && owner < 0 ? STATUS.noRoute : STATUS.wrongOwner);
    this.callChild(c, this.peerEdge(owner), calls.op[c]!, STAGE_FORWARD);
  }

  /** The link to another owner, made on first use with the latency of the link requests reach this instance by. */
  private peerEdge(owner: number): SimEdge {
    let e = this.peerEdges.get(owner);
    if (e !== undefined) return e;
    const via = this.inbound[0];
    const peer = this.sim.nodes[owner]!;
    e = this.sim.addEdge({ id: `${this.id}>${peer.id}`, from: this.idx, to: owner, kind: 'request', latUs: via?.latUs ?? 1000, jitterUs: via?.jitterUs ?? 0, lossRate: 0, isPeer: true });
    // Not a design edge: kept out of out/inbound so routing and wiring never see it.
    this.out.splice(this.out.indexOf(e), 1);
    peer.inbound.splice(peer.inbound.indexOf(e), 1);
    this.peerEdges.set(owner, e);
    return e;
  }

  /**
   * Without a coordinator, partitions are spread over the owners a balancer in front sends to, in
   * its order (clones last): partition p belongs to owner p mod n. This instance when it has no peers.
   */
  private staticOwner(p: number): number {
    const lbEdge = this.inbound.find((e) => this.sim.nodes[e.from]!.kind === 'load-balancer');
    if (lbEdge === undefined) return this.idx;
    const peers: number[] = [];
    for (const e of this.sim.nodes[lbEdge.from]!.out) {
      const n = this.sim.nodes[e.to]!;
      if (n instanceof ServiceNode && n.props.ownsPartitions && !n.isRemoved) peers.push(n.idx);
    }
    return peers.length === 0 ? this.idx : peers[p % peers.length]!;
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
        if (status === STATUS.ok) this.refreshed(parent);
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
  updateBelief(version: number, isWarm = false): void {
    const own = this.sim.model.ownership!;
    if (version > this.beliefVersion) this.beliefVersion = version;
    const v = own.versions[version]!;
    for (let p = 0; p < own.partitions; p++) {
      const isMine = v.ownerMap[p] === this.idx;
      const had = this.ownedEpoch[p]!;
      if (isMine && had !== v.epoch[p]) {
        if (had === 0) {
          own.changeBelief(p, 1);
          this.readyAtUs[p] = this.sim.nowUs + (isWarm ? 0 : this.recoveryUs());
          this.isUnrecoverable[p] = 0;
          // Taken over (not the first assignment at t = 0) with no replica wired: nothing to recover from.
          if (this.missing.has('replica') && this.sim.nowUs > 0) {
            this.isUnrecoverable[p] = 1;
            this.sim.log('not-wired.replica', this, { node: this.id, partition: p });
          }
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
    const own = this.sim.model.ownership;
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
