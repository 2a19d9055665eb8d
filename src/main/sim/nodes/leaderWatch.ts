/**
 * How a database follower decides its leader is dead: it probes the leader over their replication
 * link every third of `failoverAfterMs` (each probe times out after one interval) and, once no
 * probe has succeeded for `failoverAfterMs`, the group fails over. A leader that is only paused
 * (a GC pause) or slow past that bound is taken over all the same: an unnecessary failover, which
 * with async replication loses the writes the new leader had not received.
 */
import { countSuspicion } from '../detect';
import { C } from '../metrics/recorder';
import type { SimEdge } from '../node';
import { sendProbe } from '../probes';
import type { DatabaseNode } from './database';

/** Probes faster than this would flood the run with events; it bounds the probe interval. */
const INTERVAL_MIN_US = 10_000;

export class LeaderWatch {
  private seq = 0;
  private isOpen = false;
  private lastOkUs = 0;
  /** Leader being watched (its node index), to start afresh when the leader changes. */
  private watched = -1;
  /** A failover of the watched leader was refused (logged once). */
  private hasRefused = false;

  constructor(private readonly db: DatabaseNode) {}

  /** Forgets what it saw (a restarted follower starts watching afresh). */
  reset(): void {
    this.watched = -1;
    this.isOpen = false;
  }

  intervalUs(): number {
    return Math.max(INTERVAL_MIN_US, Math.round((this.leader().props.failoverAfterMs * 1000) / 3));
  }

  private leader(): DatabaseNode {
    return this.db.group.leader;
  }

  private linkToLeader(): SimEdge | undefined {
    const db = this.db;
    const to = this.leader().idx;
    return db.replOut.find((e) => e.to === to) ?? db.replIn.find((e) => e.from === to);
  }

  /** One tick: probes the leader when this member follows one that fails over automatically. */
  tick(): void {
    const db = this.db;
    const leader = this.leader();
    if (leader === db || leader.props.failover !== 'auto') {
      this.watched = -1;
      return;
    }
    const edge = this.linkToLeader();
    if (edge === undefined) return;
    if (this.watched !== leader.idx) {
      this.watched = leader.idx;
      this.hasRefused = false;
      this.lastOkUs = db.sim.nowUs;
      this.isOpen = false;
    }
    if (this.isOpen) this.onResult(this.seq, false);
    this.isOpen = true;
    sendProbe(db.sim, db, leader, edge, 0, ++this.seq, this.intervalUs());
  }

  onResult(seq: number, isOk: boolean): void {
    if (seq !== this.seq || !this.isOpen) return;
    this.isOpen = false;
    const db = this.db;
    const sim = db.sim;
    const leader = this.leader();
    if (leader.idx !== this.watched) return;
    if (isOk) {
      this.lastOkUs = sim.nowUs;
      return;
    }
    const boundUs = Math.round(leader.props.failoverAfterMs * 1000);
    if (sim.nowUs - this.lastOkUs < boundUs) return;
    const g = db.group;
    // A sync group promotes only a follower holding every acknowledged write (see database.ts).
    const candidates = g.followers().filter((m) => m.isUp && g.mayPromote(m));
    if (candidates.length === 0) {
      // Said once per leader, not at every probe.
      if (!this.hasRefused) sim.log('failover-refused', db, { node: leader.id });
      this.hasRefused = true;
      return;
    }
    let best = candidates[0]!;
    for (const m of candidates) if (m.applied > best.applied) best = m;
    countSuspicion(sim, db, leader, boundUs);
    if (leader.isUp) sim.rec.add(best.idx, C.failoversUnnecessary, 1);
    db.group.promote(best);
  }
}
