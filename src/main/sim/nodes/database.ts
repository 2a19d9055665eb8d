/**
 * The durable store. Concurrency follows from capacity and latency (Little's law); a leader
 * replicates writes to followers as messages over replication edges (latency, jitter, loss and
 * partitions apply; each message carries the log up to its index, as a log stream does).
 * async: acknowledge at once, ship after the lag. sync: acknowledge once every in-sync follower
 * acknowledged; a follower that does not answer blocks the write until the replication timeout,
 * then the write fails. semi-sync: the same, but on the timeout the silent followers leave the
 * sync set and writes are acknowledged without them (degraded) until they catch up. When a
 * leader dies a follower is promoted (automatically after detection, or by a promote action);
 * acknowledged writes the new leader never received are lost writes, and a sync group promotes
 * only a follower that has every acknowledged write. With a coordinator using fencing, writes
 * carrying an epoch older than one already seen are refused.
 */
import type { DatabaseProps } from '../../../shared/nodeProps';
import { FLAG_ONE_WAY, OP, STATUS } from '../calls';
import { SimNode, type Sim } from '../engine';
import { partitionOf } from '../hashing';
import { C, type Recorder } from '../metrics/recorder';
import type { Rng } from '../rng';
import { CallQueue } from '../timeouts';
import { timerTag } from './timers';
import { LeaderWatch } from './leaderWatch';

const T_WORK = timerTag('database', 'work done');
/** A sync or semi-sync write's replication deadline (a: its log index). */
const T_REPL_DEADLINE = timerTag('database', 'replication deadline');
const T_SHIP = timerTag('database', 'log shipped to replicas');
const T_WATCH = timerTag('database', 'leader watch');

/** A write waiting for followers: [call, call generation, when it started waiting]. */
type Waiting = [number, number, number];

/** Databases joined by replication edges: one leader, the rest followers. */
export class DbGroup {
  leader: DatabaseNode;
  /** Highest epoch seen per partition (fencing). */
  readonly highestEpoch: Int32Array;
  /** Acknowledged log indices that some follower may not have yet (bounded by the lag window). */
  acked: number[] = [];
  /** Highest log index the current leader acknowledged. */
  ackedMax = 0;
  /** Writes waiting for followers, by log index (insertion order is index order). */
  readonly waiting = new Map<number, Waiting>();
  crashedAtUs = -1;

  constructor(
    readonly members: DatabaseNode[],
    leader: DatabaseNode,
    partitions: number,
  ) {
    this.leader = leader;
    this.highestEpoch = new Int32Array(partitions);
  }

  followers(): DatabaseNode[] {
    return this.members.filter((m) => m !== this.leader);
  }

  /** Whether a promotion to `next` keeps every acknowledged write (a sync group promotes no other). */
  mayPromote(next: DatabaseNode): boolean {
    return this.leader.props.replication !== 'sync' || next.isInSync;
  }

  /** Makes `next` the leader; acknowledged writes it lacks are lost. */
  promote(next: DatabaseNode): void {
    const sim = next.sim;
    if (next === this.leader || !next.isUp) return;
    if (!this.mayPromote(next)) {
      sim.log('failover-refused.lagging', next, { node: next.id, leader: this.leader.id });
      return;
    }
    let lost = 0;
    for (const index of this.acked) if (index > next.applied) lost++;
    const old = this.leader;
    this.leader = next;
    this.acked = [];
    this.ackedMax = 0;
    // Writes the old leader still held for its followers were never acknowledged: they fail.
    for (const [, w] of this.waiting) {
      if (!sim.calls.isValid(w[0], w[1]) || !sim.calls.isHeldByCallee(w[0])) continue;
      sim.noteFailure(old, STATUS.down, 'failing.down.not-leader');
      sim.reply(old, w[0], STATUS.down);
    }
    this.waiting.clear();
    // The old leader's entries beyond the new leader's log are discarded; it rejoins the sync
    // set once it acknowledges the new leader's log. The others keep their place.
    old.applied = Math.min(old.applied, next.applied);
    old.isInSync = false;
    old.isWaitedFor = false;
    for (const m of this.members) m.ackedIndex = 0;
    sim.rec.add(next.idx, C.failovers, 1);
    if (lost > 0) {
      sim.rec.add(next.idx, C.lostWrites, lost);
      sim.log('write-lost', next, { node: next.id, count: lost }, lost);
    }
    if (this.crashedAtUs >= 0) {
      sim.rec.add(next.idx, C.recoverySumUs, sim.nowUs - this.crashedAtUs);
      sim.rec.add(next.idx, C.recoveryCount, 1);
      this.crashedAtUs = -1;
    }
    sim.log('failover', next, { node: next.id, old: old.id });
  }
}

export class DatabaseNode extends SimNode {
  private busy = 0;
  private readonly queue = new CallQueue();
  private readonly workers: number;
  private readonly latUs: number;
  group!: DbGroup;
  /** Last log index applied here. */
  applied = 0;
  /** As a follower: it has every write the leader acknowledged (a sync group may promote it). */
  isInSync = true;
  /** As a follower: the leader's sync and semi-sync writes wait for its acknowledgement. */
  isWaitedFor = true;
  /** As a follower: the highest index it acknowledged to the current leader. */
  ackedIndex = 0;
  /** A follower's failure detector for its leader (leaderWatch.ts). */
  private readonly watch = new LeaderWatch(this);

  constructor(
    sim: Sim,
    idx: number,
    id: string,
    rng: Rng,
    readonly props: DatabaseProps,
  ) {
    super(sim, idx, id, 'database', rng);
    this.workers = Math.max(1, Math.round((props.capacityRps * props.latencyMs) / 1000));
    this.latUs = Math.round(props.latencyMs * 1000);
    // The timeout of the replication messages it sends (acknowledged ones: sync and semi-sync).
    this.timeoutUs = Math.round(props.replicationTimeoutMs * 1000);
  }

  override isIdle(): boolean {
    return this.busy === 0 && this.queue.length === 0;
  }

  override start(): void {
    this.watch.reset();
    if (this.group.members.length > 1) this.sim.timer(this, this.watch.intervalUs(), T_WATCH);
  }

  override onProbeResult(_slot: number, seq: number, isOk: boolean): void {
    this.watch.onResult(seq, isOk);
  }

  /** A health probe (from a follower watching its leader) waits behind the queued operations. */
  override probeWaitUs(): number {
    if (!this.isReady || this.queue.length >= this.props.queueLimit) return -1;
    return this.busy < this.workers ? 0 : Math.round(((this.queue.length + 1) * this.latUs * this.serviceFactor) / this.workers);
  }

  override onRequest(c: number): void {
    const sim = this.sim;
    if (sim.calls.op[c] === OP.replicate) return this.applyFrom(c);
    if (this.group.leader !== this || !this.isReady) {
      sim.noteFailure(this, STATUS.down, this.isReady ? 'failing.down.not-leader' : 'failing.down.starting');
      sim.reply(this, c, STATUS.down);
      return;
    }
    if (this.busy < this.workers) this.startWork(c);
    else if (this.queue.length < this.props.queueLimit) this.queue.push(c);
    else {
      sim.noteFailure(this, STATUS.overloaded, undefined, { count: this.queue.length });
      sim.reply(this, c, STATUS.overloaded);
    }
  }

  /** A replication message: applies the log up to its index if it comes from the current leader. */
  private applyFrom(c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const isOneWay = (calls.flags[c]! & FLAG_ONE_WAY) !== 0;
    if (calls.from[c] !== this.group.leader.idx || this.group.leader === this) {
      if (!isOneWay) sim.reply(this, c, STATUS.down);
      return;
    }
    const index = calls.key[c]!;
    if (index > this.applied) {
      this.applied = index;
      sim.rec.add(this.idx, C.replLagSumUs, sim.nowUs - calls.t0Us[c]!);
      sim.rec.add(this.idx, C.replLagCount, 1);
    }
    if (!isOneWay) sim.reply(this, c, STATUS.ok);
  }

  private startWork(c: number): void {
    const sim = this.sim;
    this.busy++;
    sim.rec.add(this.idx, C.queueWaitSumUs, sim.nowUs - sim.calls.arriveUs[c]!);
    sim.rec.add(this.idx, C.queueWaitCount, 1);
    const us = Math.round(this.latUs * this.serviceFactor);
    if (sim.tracer !== null) {
      sim.tracer.onStart(this, c);
      sim.tracer.onCompute(this, c, us);
    }
    sim.timer(this, us, T_WORK, c, sim.calls.gen[c]!);
  }

  private done(): void {
    this.busy--;
    if (this.queue.length > 0) this.startWork(this.queue.shift());
  }

  override onTimer(tag: number, a: number, b: number): void {
    const sim = this.sim;
    if (tag === T_WORK) {
      const c = a;
      if (!sim.calls.isValid(c, b)) return this.done();
      // Taken over while this operation waited (a pause past the failover time): no longer the leader.
      if (this.group.leader !== this) {
        sim.noteFailure(this, STATUS.down, 'failing.down.not-leader');
        sim.reply(this, c, STATUS.down);
      } else if (sim.calls.op[c] === OP.write) this.write(c);
      else sim.reply(this, c, STATUS.ok);
      this.done();
    } else if (tag === T_SHIP) {
      if (this.group.leader !== this) return;
      const writtenUs = sim.nowUs - Math.round(this.props.replicationLagMs * 1000);
      for (const f of this.group.followers()) this.ship(f, a, writtenUs, true);
    } else if (tag === T_REPL_DEADLINE) {
      this.onDeadline(a);
    } else if (tag === T_WATCH) {
      this.watch.tick();
      sim.timer(this, this.watch.intervalUs(), T_WATCH);
    }
  }

  private write(c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const g = this.group;
    const own = sim.model.ownership;
    const epoch = calls.epoch[c]!;
    if (epoch > 0 && own !== null) {
      const p = partitionOf(calls.key[c]!, g.highestEpoch.length);
      if (own.hasFencing && epoch < g.highestEpoch[p]!) {
        sim.rec.add(this.idx, C.fencedWrites, 1);
        sim.noteFailure(this, STATUS.fenced);
        sim.reply(this, c, STATUS.fenced);
        return;
      }
      // Accepted although a newer owner has already written here: two owners' writes interleave.
      if (epoch < g.highestEpoch[p]!) sim.rec.add(this.idx, C.conflictingWrites, 1);
      else g.highestEpoch[p] = epoch;
    }
    const index = ++this.applied;
    const followers = g.followers();
    if (followers.length === 0) return this.ack(c, index);
    if (this.props.replication === 'async') {
      // The lag is time the write waits on the leader before shipping: lost if the leader dies.
      sim.timer(this, Math.round(this.props.replicationLagMs * 1000), T_SHIP, index);
      return this.ack(c, index);
    }
    for (const f of followers) this.ship(f, index, sim.nowUs, false);
    g.waiting.set(index, [c, calls.gen[c]!, sim.nowUs]);
    sim.timer(this, this.timeoutUs, T_REPL_DEADLINE, index);
    this.release();
  }

  /** Sends the log up to `index` (written at `writtenUs`) to a follower over their replication edge. */
  private ship(f: DatabaseNode, index: number, writtenUs: number, isOneWay: boolean): void {
    const sim = this.sim;
    // Members without a direct edge (a chain) use the follower's own replication edge.
    const edge = this.replOut.find((e) => e.to === f.idx) ?? this.replIn.find((e) => e.from === f.idx) ?? f.replIn[0] ?? f.replOut[0];
    if (edge === undefined) return;
    const c = sim.newCall(this, edge, OP.replicate, f.idx);
    sim.calls.key[c] = index;
    sim.calls.t0Us[c] = writtenUs;
    if (isOneWay) sim.calls.flags[c] = FLAG_ONE_WAY;
    sim.sendRequest(c);
  }

  /** A follower's acknowledgement (or its failure or timeout). */
  override onResponse(c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const f = sim.nodes[calls.to[c]!] as DatabaseNode;
    const isOk = calls.status[c] === STATUS.ok && calls.op[c] === OP.replicate;
    const index = calls.key[c]!;
    calls.releaseByCaller(c);
    if (!isOk || this.group.leader !== this || f.group !== this.group) return;
    if (index > f.ackedIndex) f.ackedIndex = index;
    // A follower that answers again is waited for from now on, so the writes acknowledged without
    // it stop growing; once it acknowledged all of them it is in sync again.
    f.isWaitedFor = true;
    if (!f.isInSync && index >= this.group.ackedMax) {
      f.isInSync = true;
      sim.log('replication-degraded.caught-up', f, { node: f.id, leader: this.id });
    }
    this.release();
  }

  /** Acknowledges the waiting writes every in-sync follower has acknowledged, in log order. */
  private release(): void {
    const g = this.group;
    let minAck = Infinity;
    for (const f of g.followers()) if (f.isWaitedFor && f.ackedIndex < minAck) minAck = f.ackedIndex;
    for (const [index, w] of g.waiting) {
      if (index > minAck) break;
      g.waiting.delete(index);
      this.finishWaiting(index, w);
    }
  }

  private finishWaiting(index: number, w: Waiting): void {
    const sim = this.sim;
    if (!sim.calls.isValid(w[0], w[1]) || !sim.calls.isHeldByCallee(w[0])) return;
    sim.rec.add(this.idx, C.replWaitSumUs, sim.nowUs - w[2]);
    sim.rec.add(this.idx, C.replWaitCount, 1);
    this.ack(w[0], index);
  }

  /** A write's followers did not all answer in time: sync fails it, semi-sync goes on without them. */
  private onDeadline(index: number): void {
    const sim = this.sim;
    const g = this.group;
    const w = g.waiting.get(index);
    if (w === undefined || g.leader !== this) return;
    if (this.props.replication === 'semi-sync') {
      for (const f of g.followers()) {
        if (!f.isWaitedFor || f.ackedIndex >= index) continue;
        f.isWaitedFor = false;
        f.isInSync = false;
        sim.log('replication-degraded', f, { node: f.id, leader: this.id });
      }
      return this.release();
    }
    g.waiting.delete(index);
    if (sim.calls.isValid(w[0], w[1]) && sim.calls.isHeldByCallee(w[0])) {
      sim.noteFailure(this, STATUS.timeout, 'failing.timeout.replica');
      sim.reply(this, w[0], STATUS.timeout);
    }
  }

  private ack(c: number, index: number): void {
    const sim = this.sim;
    const g = this.group;
    sim.rec.add(this.idx, C.writesAcked, 1);
    if (index > g.ackedMax) g.ackedMax = index;
    const followers = g.followers();
    if (followers.length > 0) {
      let maxApplied = 0;
      for (const f of followers) if (f.applied > maxApplied) maxApplied = f.applied;
      while (g.acked.length > 0 && g.acked[0]! <= maxApplied) g.acked.shift();
      if (index > maxApplied) g.acked.push(index);
      if (this.props.replication !== 'async' && followers.some((f) => !f.isWaitedFor)) sim.rec.add(this.idx, C.writesDegraded, 1);
    }
    sim.reply(this, c, STATUS.ok);
  }

  override onCrash(): void {
    this.busy = 0;
    this.queue.clear();
    const g = this.group;
    if (g.leader !== this) return;
    g.crashedAtUs = this.sim.nowUs;
    g.waiting.clear();
    // Detection happens on the followers, by probing (leaderWatch.ts).
  }

  override onRestart(): void {
    this.isReady = true;
    this.start();
    const g = this.group;
    if (g.leader !== this) this.applied = Math.min(this.applied, g.leader.applied);
  }

  override sampleGauges(rec: Recorder): void {
    super.sampleGauges(rec);
    rec.set(this.idx, C.queueLength, this.queue.length);
    rec.set(this.idx, C.dbLeader, this.group.leader === this ? 1 : 0);
  }
}
