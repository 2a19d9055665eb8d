/**
 * The durable store. Concurrency follows from capacity and latency (Little's law); a leader
 * replicates writes to followers over replication edges, synchronously (acknowledge after every
 * live follower applied) or asynchronously (acknowledge at once, followers apply after a lag).
 * When a leader dies a follower is promoted (automatically after detection, or by a promote
 * action); acknowledged writes the new leader never received are lost writes. With a
 * coordinator using fencing, writes carrying an epoch older than one already seen are refused.
 */
import type { DatabaseProps } from '../../../shared/nodeProps';
import { OP as OP_, STATUS as STATUS_ } from '../calls';
import { SimNode, type Sim } from '../engine';
import { partitionOf as partitionOf_ } from '../hashing';
import { C as C_, type Recorder } from '../metrics/recorder';
import type { Rng } from '../rng';
import { CallQueue } from '../timeouts';

// Hot imports as module-local constants (why: see engine.ts).
const OP = OP_;
const STATUS = STATUS_;
const C = C_;
const partitionOf = partitionOf_;

const T_WORK = 1;
const T_REPL = 2;
const T_REPL_ACK = 3;
const T_FAILOVER = 4;
const T_SHIP = 5;

/** Databases joined by replication edges: one leader, the rest followers. */
export class DbGroup {
  leader: DatabaseNode;
  /** Highest epoch seen per partition (fencing). */
  readonly highestEpoch: Int32Array;
  /** Acknowledged log indices that some follower may not have yet (bounded by the lag window). */
  acked: number[] = [];
  /** Sync writes waiting for followers: log index → [call, gen, remaining acks]. */
  readonly waiting = new Map<number, [number, number, number]>();
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

  /** Replication-edge latency between two members (either direction), for messages between them. */
  latencyUs(a: DatabaseNode, b: DatabaseNode): number {
    const e = a.replOut.find((x) => x.to === b.idx) ?? b.replOut.find((x) => x.to === a.idx);
    return e?.latUs ?? 1000;
  }

  /** Makes `next` the leader; acknowledged writes it lacks are lost. */
  promote(next: DatabaseNode): void {
    const sim = next.sim;
    if (next === this.leader || !next.isUp) return;
    let lost = 0;
    for (const index of this.acked) if (index > next.applied) lost++;
    const old = this.leader;
    this.leader = next;
    this.acked = [];
    this.waiting.clear();
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
  }

  override isIdle(): boolean {
    return this.busy === 0 && this.queue.length === 0;
  }

  override onRequest(c: number): void {
    const sim = this.sim;
    if (this.group.leader !== this || !this.isReady) {
      sim.reply(this, c, STATUS.down);
      return;
    }
    if (this.busy < this.workers) this.startWork(c);
    else if (this.queue.length < this.props.queueLimit) this.queue.push(c);
    else sim.reply(this, c, STATUS.overloaded);
  }

  private startWork(c: number): void {
    const sim = this.sim;
    this.busy++;
    sim.rec.add(this.idx, C.queueWaitSumUs, sim.nowUs - sim.calls.arriveUs[c]!);
    sim.rec.add(this.idx, C.queueWaitCount, 1);
    sim.timer(this, Math.round(this.latUs * this.serviceFactor), T_WORK, c, sim.calls.gen[c]!);
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
      if (sim.calls.op[c] === OP.write) this.write(c);
      else sim.reply(this, c, STATUS.ok);
      this.done();
    } else if (tag === T_REPL) {
      if (a > this.applied) this.applied = a;
      sim.rec.add(this.idx, C.replLagSumUs, b);
      sim.rec.add(this.idx, C.replLagCount, 1);
      const leader = this.group.leader;
      if (this.props.replication === 'sync' || leader.props.replication === 'sync') {
        if (leader.isUp && sim.canReach(this.idx, leader.idx)) sim.timer(leader, this.group.latencyUs(this, leader), T_REPL_ACK, a);
      }
    } else if (tag === T_SHIP) {
      if (this.group.leader !== this) return;
      const waited = Math.round(this.props.replicationLagMs * 1000);
      for (const f of this.group.followers()) this.ship(f, a, waited);
    } else if (tag === T_REPL_ACK) {
      const w = this.group.waiting.get(a);
      if (w === undefined) return;
      if (--w[2] > 0) return;
      this.group.waiting.delete(a);
      if (sim.calls.isValid(w[0], w[1]) && sim.calls.isHeldByCallee(w[0])) this.ack(w[0], a);
    } else if (tag === T_FAILOVER) {
      const g = this.group;
      if (g.leader.isUp) return;
      const candidates = g.followers().filter((m) => m.isUp);
      if (candidates.length === 0) return;
      let best = candidates[0]!;
      for (const m of candidates) if (m.applied > best.applied) best = m;
      g.promote(best);
    }
  }

  private write(c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const g = this.group;
    const own = sim.ownership;
    const epoch = calls.epoch[c]!;
    if (epoch > 0 && own !== null) {
      const p = partitionOf(calls.key[c]!, g.highestEpoch.length);
      if (own.hasFencing && epoch < g.highestEpoch[p]!) {
        sim.rec.add(this.idx, C.fencedWrites, 1);
        sim.reply(this, c, STATUS.fenced);
        return;
      }
      // Accepted although a newer owner has already written here: two owners' writes interleave.
      if (epoch < g.highestEpoch[p]!) sim.rec.add(this.idx, C.conflictingWrites, 1);
      else g.highestEpoch[p] = epoch;
    }
    const index = ++this.applied;
    const followers = g.followers();
    const isSync = this.props.replication === 'sync';
    let waitFor = 0;
    if (isSync) {
      for (const f of followers) if (this.ship(f, index, 0)) waitFor++;
    } else if (followers.length > 0) {
      // The lag is time the write waits on the leader before shipping: lost if the leader dies.
      sim.timer(this, Math.round(this.props.replicationLagMs * 1000), T_SHIP, index);
    }
    if (isSync && waitFor > 0) {
      g.waiting.set(index, [c, calls.gen[c]!, waitFor]);
      return;
    }
    this.ack(c, index);
  }

  /** Sends log entry `index` to a follower; `waitedUs` is how long it already waited here. */
  private ship(f: DatabaseNode, index: number, waitedUs: number): boolean {
    const sim = this.sim;
    if (!f.isUp || !sim.canReach(this.idx, f.idx)) return false;
    const delay = this.group.latencyUs(this, f);
    sim.timer(f, delay, T_REPL, index, delay + waitedUs);
    return true;
  }

  private ack(c: number, index: number): void {
    const sim = this.sim;
    const g = this.group;
    sim.rec.add(this.idx, C.writesAcked, 1);
    const followers = g.followers();
    if (followers.length > 0) {
      let maxApplied = 0;
      for (const f of followers) if (f.applied > maxApplied) maxApplied = f.applied;
      while (g.acked.length > 0 && g.acked[0]! <= maxApplied) g.acked.shift();
      if (index > maxApplied) g.acked.push(index);
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
    if (this.props.failover !== 'auto') return;
    // Detection happens on a follower: it is the one that takes over.
    const next = g.followers().find((m) => m.isUp);
    if (next !== undefined) this.sim.timer(next, Math.round(this.props.failoverAfterMs * 1000), T_FAILOVER);
  }

  override onRestart(): void {
    this.isReady = true;
    const g = this.group;
    if (g.leader !== this) this.applied = Math.min(this.applied, g.leader.applied);
  }

  override sampleGauges(rec: Recorder): void {
    super.sampleGauges(rec);
    rec.set(this.idx, C.queueLength, this.queue.length);
    rec.set(this.idx, C.dbLeader, this.group.leader === this ? 1 : 0);
  }
}
