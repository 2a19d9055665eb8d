/**
 * A lease service (etcd/ZooKeeper-like). Instances that own partitions renew a lease every
 * TTL/3; a lease not renewed within the TTL expires and its partitions move to live members
 * with a higher epoch. The old owner only learns when a renewal answer reaches it, so a pause
 * or a network partition longer than the TTL leaves two believers: split brain, which fencing
 * (the database refusing older epochs) turns from conflicting writes into rejections.
 */
import type { CoordinatorProps } from '../../../shared/nodeProps';
import { STATUS } from '../calls';
import { SimNode, type Sim } from '../engine';
import { C, type Recorder } from '../metrics/recorder';
import { countSuspicion } from '../detect';
import { T_LEASE_NEWS, T_RELEASED } from '../leases';
import type { Ownership } from '../ownership';
import type { Rng } from '../rng';
import { timerTag } from './timers';

const T_CHECK = timerTag('coordinator', 'lease check');

interface Member {
  node: SimNode;
  lastRenewUs: number;
  /** Donors (node indices) that must release before this member is granted what it joined for. */
  waitingFor: number[];
  /** While it waits: the assignment version its renewal answers carry (the one before it joined). */
  heldVersion: number;
}

export class CoordinatorNode extends SimNode {
  /** Live members, ordered by node index so reassignment never depends on arrival order. */
  private members: Member[] = [];
  private readonly ttlUs: number;
  own!: Ownership;

  constructor(
    sim: Sim,
    idx: number,
    id: string,
    rng: Rng,
    readonly props: CoordinatorProps,
  ) {
    super(sim, idx, id, 'coordinator', rng);
    this.ttlUs = Math.round(props.leaseTtlMs * 1000);
  }

  /** t = 0: the connected owners share the partitions round-robin at epoch 1. */
  init(owners: SimNode[]): void {
    this.members = [...owners].sort((a, b) => a.idx - b.idx).map((node) => ({ node, lastRenewUs: 0, waitingFor: [], heldVersion: 0 }));
    const n = this.members.length;
    for (let p = 0; p < this.own.partitions; p++) {
      this.own.ownerMap[p] = n === 0 ? -1 : this.members[p % n]!.node.idx;
      this.own.epoch[p] = 1;
    }
    this.own.commit();
  }

  override start(): void {
    this.sim.timer(this, this.checkEveryUs(), T_CHECK);
  }

  private checkEveryUs(): number {
    return Math.max(1000, Math.round(this.ttlUs / 10));
  }

  override onRequest(c: number): void {
    const sim = this.sim;
    const node = sim.nodes[sim.calls.from[c]!]!;
    let m = this.members.find((x) => x.node === node);
    if (m !== undefined) m.lastRenewUs = sim.nowUs;
    else m = this.join(node);
    // The answer tells the member the assignment as of now, even if it is read much later; a
    // member waiting for donors to release is told the assignment before its move.
    sim.calls.epoch[c] = m.waitingFor.length > 0 ? m.heldVersion : this.own.latestVersion;
    sim.reply(this, c, STATUS.ok);
  }

  /** Delay of a lease message between `node` and the coordinator (their link's latency). */
  private latencyUs(node: SimNode): number {
    return node.out.find((e) => e.to === this.idx)?.latUs ?? 1000;
  }

  /** A donor released: members whose every donor has released are granted their partitions. */
  private released(donor: number): void {
    for (const m of this.members) {
      const k = m.waitingFor.indexOf(donor);
      if (k < 0) continue;
      m.waitingFor.splice(k, 1);
      if (m.waitingFor.length === 0) this.sim.timer(m.node, this.latencyUs(m.node), T_LEASE_NEWS, this.own.latestVersion);
    }
  }

  override onTimer(tag: number, a: number): void {
    if (tag === T_RELEASED) return this.released(a);
    if (tag !== T_CHECK) return;
    const now = this.sim.nowUs;
    const expired = this.members.filter((m) => now - m.lastRenewUs > this.ttlUs);
    for (const m of expired) this.expire(m);
    this.sim.timer(this, this.checkEveryUs(), T_CHECK);
  }

  private load(node: SimNode): number {
    let n = 0;
    for (let p = 0; p < this.own.partitions; p++) if (this.own.ownerMap[p] === node.idx) n++;
    return n;
  }

  /** The member owning the fewest partitions now (the first of equals), if any. */
  private leastLoaded(): Member | undefined {
    let best: Member | undefined;
    let bestLoad = Infinity;
    for (const x of this.members) {
      const l = this.load(x.node);
      if (l < bestLoad) {
        best = x;
        bestLoad = l;
      }
    }
    return best;
  }

  private expire(m: Member): void {
    const sim = this.sim;
    const own = this.own;
    this.members = this.members.filter((x) => x !== m);
    // An expired lease needs no release: members waiting for donors take their partitions at their next renewal.
    for (const x of this.members) x.waitingFor = [];
    const isFalse = countSuspicion(sim, this, m.node, this.ttlUs);
    sim.log(isFalse ? 'lease-expired.false-suspicion' : 'lease-expired', m.node, { node: m.node.id, ttlMs: this.props.leaseTtlMs });
    let moved = 0;
    for (let p = 0; p < own.partitions; p++) {
      if (own.ownerMap[p] !== m.node.idx) continue;
      const best = this.leastLoaded();
      own.ownerMap[p] = best === undefined ? -1 : best.node.idx;
      own.epoch[p]!++;
      if (own.failedAtUs[p]! < 0) own.failedAtUs[p] = m.lastRenewUs;
      moved++;
    }
    if (moved > 0) {
      own.commit();
      sim.rec.add(this.idx, C.failovers, 1);
      // The old owner is alive: it will learn at its next renewal, and until then two believe they own.
      if (m.node.isUp) sim.rec.add(this.idx, C.failoversUnnecessary, 1);
      sim.rec.add(this.idx, C.rebalances, 1);
      sim.rec.max(this.idx, C.keysMovedMax, moved / own.partitions);
      sim.log('owner-changed', m.node, { node: m.node.id, count: moved }, moved);
    }
  }

  /** A new or returning member takes an even share, moved from the most loaded members. */
  private join(node: SimNode): Member {
    const sim = this.sim;
    const own = this.own;
    const heldVersion = own.latestVersion;
    const member: Member = { node, lastRenewUs: sim.nowUs, waitingFor: [], heldVersion };
    this.members.push(member);
    this.members.sort((a, b) => a.node.idx - b.node.idx);
    const share = Math.floor(own.partitions / this.members.length);
    let moved = 0;
    for (let p = 0; p < own.partitions; p++) {
      if (own.ownerMap[p] === -1) {
        own.ownerMap[p] = node.idx;
        own.epoch[p]!++;
        moved++;
      }
    }
    while (this.load(node) < share) {
      let donor: Member | undefined;
      let donorLoad = -1;
      for (const x of this.members) {
        if (x.node === node) continue;
        const l = this.load(x.node);
        if (l > donorLoad) {
          donor = x;
          donorLoad = l;
        }
      }
      if (donor === undefined || donorLoad <= share) break;
      let p = own.partitions - 1;
      while (p >= 0 && own.ownerMap[p] !== donor.node.idx) p--;
      own.ownerMap[p] = node.idx;
      own.epoch[p]!++;
      moved++;
      if (!member.waitingFor.includes(donor.node.idx)) member.waitingFor.push(donor.node.idx);
    }
    if (moved > 0) {
      own.commit();
      sim.rec.add(this.idx, C.rebalances, 1);
      sim.rec.max(this.idx, C.keysMovedMax, moved / own.partitions);
      sim.log('owner-changed.joined', node, { node: node.id, count: moved }, moved);
    }
    // A planned move: each donor is told at once and must release before the new member is granted.
    for (const d of member.waitingFor) sim.timer(sim.nodes[d]!, this.latencyUs(sim.nodes[d]!), T_LEASE_NEWS, own.latestVersion);
    return member;
  }

  /**
   * A planned leave (controlled shutdown): the member's partitions go to the least loaded other
   * members, each granted only once the leaving member has released, so the move has no gap for a
   * lease to expire in and never two owners. The leaving member stops renewing, so it is not re-added.
   */
  leave(node: SimNode): boolean {
    const sim = this.sim;
    const own = this.own;
    const m = this.members.find((x) => x.node === node);
    // The last member has nobody to hand over to: it stops as any other would.
    if (m === undefined || this.members.length < 2) return false;
    const heldVersion = own.latestVersion;
    this.members = this.members.filter((x) => x !== m);
    let moved = 0;
    for (let p = 0; p < own.partitions; p++) {
      if (own.ownerMap[p] !== node.idx) continue;
      const best = this.leastLoaded();
      own.ownerMap[p] = best!.node.idx;
      own.epoch[p]!++;
      if (!best!.waitingFor.includes(node.idx)) {
        if (best!.waitingFor.length === 0) best!.heldVersion = heldVersion;
        best!.waitingFor.push(node.idx);
      }
      moved++;
    }
    own.commit();
    sim.rec.add(this.idx, C.rebalances, 1);
    sim.rec.max(this.idx, C.keysMovedMax, moved / own.partitions);
    sim.log('owner-changed.handed-over', node, { node: node.id, count: moved }, moved);
    sim.timer(node, this.latencyUs(node), T_LEASE_NEWS, own.latestVersion);
    return true;
  }

  override onRestart(): void {
    this.isReady = true;
    // Lease state is kept by a quorum in real systems: give every member a fresh grace period.
    for (const m of this.members) m.lastRenewUs = this.sim.nowUs;
    this.start();
  }

  override sampleGauges(rec: Recorder): void {
    super.sampleGauges(rec);
    this.own.account(rec.bucketEndUs, rec);
    this.own.checkRebalance(rec.bucketEndUs);
  }
}
