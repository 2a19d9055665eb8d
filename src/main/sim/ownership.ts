/**
 * Partition ownership as the coordinator assigns it (the truth) and as instances believe it.
 * Two believers of one partition is split brain; its time is accumulated for splitBrainMs.
 * A reassignment that moves partitions starts a rebalance, which lasts until every moved
 * partition is believed by its new owner with its state recovered and every partition-aware
 * router sends it there: that span is rebalanceMaxUs.
 */
import type { EventParams, EventTextKey } from '../../shared/i18n/eventTexts';
import { C, type Recorder } from './metrics/recorder';

/** What ownership reads of the running simulation (the engine satisfies it; no import of it here). */
export interface OwnershipHost {
  readonly nowUs: number;
  readonly nodes: readonly unknown[];
  readonly rec: Recorder;
  log(key: EventTextKey, node: undefined, params: EventParams): void;
}

/** What a rebalance waits for at a partition's new owner (a service that owns partitions). */
export interface PartitionHolder {
  readonly isUp: boolean;
  /** Partition → epoch the node believes it owns it with (0: not owned). */
  readonly ownedEpoch: Int32Array;
  /** Partition → when its state is recovered and it can serve it. */
  readonly readyAtUs: Float64Array;
}

/** A router that follows the owner map (a partition-aware load balancer). */
export interface PartitionRouter {
  readonly isUp: boolean;
  /** Whether it currently sends partition p's requests to node `owner` (and sees that node healthy). */
  routesTo(p: number, owner: number): boolean;
}

const isHolder = (n: unknown): n is PartitionHolder => typeof n === 'object' && n !== null && 'readyAtUs' in n && 'ownedEpoch' in n;

export class Ownership {
  /** Owner node index per partition, as the coordinator last assigned it (-1: none). */
  readonly ownerMap: Int32Array;
  /** Current epoch per partition; bumped on every move. */
  readonly epoch: Int32Array;
  /** Instances that believe they own each partition. */
  readonly believers: Int32Array;
  /** When each partition lost its owner to a failure (-1: not failed), for recovery time. */
  readonly failedAtUs: Float64Array;
  /** Every assignment the coordinator has published (changes are rare, so all are kept). */
  readonly versions: { ownerMap: Int32Array; epoch: Int32Array }[] = [];
  private splitCount = 0;
  private splitLastUs = 0;
  /** Routers whose views a rebalance waits for. */
  readonly routers: PartitionRouter[] = [];
  /** Partitions moved by the rebalance in progress (1: moved, not yet served by the new owner). */
  private readonly isMoving: Uint8Array;
  /** When the rebalance in progress started (-1: none). */
  private rebalanceStartUs = -1;
  /** Since when owners' beliefs and routers' views have all matched the assignment (-1: they do not). */
  private convergedSinceUs = -1;

  constructor(
    private readonly sim: OwnershipHost,
    readonly partitions: number,
    readonly hasFencing: boolean,
    /** The coordinator node: split-brain time is recorded there. */
    private readonly home: { readonly idx: number },
  ) {
    this.ownerMap = new Int32Array(partitions).fill(-1);
    this.epoch = new Int32Array(partitions);
    this.believers = new Int32Array(partitions);
    this.failedAtUs = new Float64Array(partitions).fill(-1);
    this.isMoving = new Uint8Array(partitions);
  }

  /** Publishes the current assignment; a lease answer carries the version it was given at. */
  commit(): void {
    const prev = this.versions[this.versions.length - 1];
    this.versions.push({ ownerMap: this.ownerMap.slice(), epoch: this.epoch.slice() });
    if (prev === undefined) return;
    let moved = 0;
    for (let p = 0; p < this.partitions; p++) {
      if (prev.ownerMap[p] !== this.ownerMap[p]) {
        this.isMoving[p] = 1;
        moved++;
      }
    }
    // A reassignment during a rebalance extends it: the rebalance ends when all of its moves are served.
    if (moved > 0 && this.rebalanceStartUs < 0) this.rebalanceStartUs = this.sim.nowUs;
    this.checkRebalance();
  }

  /**
   * Called when an owner's belief or a router's view changes (horizon: now), and at each bucket's
   * end (horizon: the bucket's end): ends the rebalance in progress once every moved partition is
   * believed by its owner, recovered and routed there by 'horizonUs'. State recovery finishes at a
   * known time (readyAtUs), so the end time is exact without an event of its own.
   */
  checkRebalance(horizonUs = this.sim.nowUs): void {
    if (this.rebalanceStartUs < 0) return;
    const nodes = this.sim.nodes;
    let readyUs = 0;
    for (let p = 0; p < this.partitions; p++) {
      if (this.isMoving[p] === 0) continue;
      const o = this.ownerMap[p]!;
      const node = o >= 0 ? nodes[o] : undefined;
      const holder = isHolder(node) ? node : undefined;
      let isConverged = holder !== undefined && holder.isUp && holder.ownedEpoch[p] === this.epoch[p];
      for (let r = 0; isConverged && r < this.routers.length; r++) {
        const router = this.routers[r]!;
        if (router.isUp && !router.routesTo(p, o)) isConverged = false;
      }
      if (!isConverged) {
        this.convergedSinceUs = -1;
        return;
      }
      const ready = holder!.readyAtUs[p]!;
      if (ready > readyUs) readyUs = ready;
    }
    if (this.convergedSinceUs < 0) this.convergedSinceUs = horizonUs;
    const doneUs = Math.max(this.convergedSinceUs, readyUs);
    // Not before that time has come: a crash of a new owner while it loads state undoes it.
    if (doneUs > horizonUs) return;
    this.sim.rec.max(this.home.idx, C.rebalanceMaxUs, doneUs - this.rebalanceStartUs);
    this.isMoving.fill(0);
    this.rebalanceStartUs = -1;
    this.convergedSinceUs = -1;
  }

  get latestVersion(): number {
    return this.versions.length - 1;
  }

  /** An instance starts (+1) or stops (-1) believing it owns partition p. */
  changeBelief(p: number, delta: 1 | -1): void {
    const before = this.believers[p]!;
    const after = before + delta;
    this.believers[p] = after;
    if (before < 2 && after >= 2) {
      if (this.splitCount++ === 0) {
        this.splitLastUs = this.sim.nowUs;
        this.sim.log('split-brain-began', undefined, { partition: p });
      }
    } else if (before >= 2 && after < 2) {
      if (--this.splitCount === 0) {
        this.account(this.sim.nowUs, this.sim.rec);
        this.sim.log('split-brain-ended', undefined, {});
      }
    }
  }

  /** Adds split-brain time up to `untilUs` (called on transitions and at each bucket's end). */
  account(untilUs: number, rec: Recorder): void {
    if (this.splitCount > 0 && untilUs > this.splitLastUs) rec.add(this.home.idx, C.splitBrainUs, untilUs - this.splitLastUs);
    this.splitLastUs = untilUs;
  }

  get isSplit(): boolean {
    return this.splitCount > 0;
  }
}
