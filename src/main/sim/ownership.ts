/**
 * Partition ownership as the coordinator assigns it (the truth) and as instances believe it.
 * Two believers of one partition is split brain; its time is accumulated for splitBrainMs.
 */
import type { Sim, SimNode } from './engine';
import { C, type Recorder } from './metrics/recorder';

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

  constructor(
    private readonly sim: Sim,
    readonly partitions: number,
    readonly hasFencing: boolean,
    /** The coordinator node: split-brain time is recorded there. */
    private readonly home: SimNode,
  ) {
    this.ownerMap = new Int32Array(partitions).fill(-1);
    this.epoch = new Int32Array(partitions);
    this.believers = new Int32Array(partitions);
    this.failedAtUs = new Float64Array(partitions).fill(-1);
  }

  /** Publishes the current assignment; a lease answer carries the version it was given at. */
  commit(): void {
    this.versions.push({ ownerMap: this.ownerMap.slice(), epoch: this.epoch.slice() });
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
        this.sim.log('split-brain-began', undefined, `Split brain: two instances believe they own partition ${p}.`);
      }
    } else if (before >= 2 && after < 2) {
      if (--this.splitCount === 0) {
        this.account(this.sim.nowUs, this.sim.rec);
        this.sim.log('split-brain-ended', undefined, `Split brain ended: every partition has at most one owner again.`);
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
