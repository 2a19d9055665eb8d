/**
 * What failure detectors count about their own verdicts. A suspicion is false when the node taken
 * out was up and ready, the detector could reach it, and it was only slow or unlucky: queued work,
 * a latency tail, a probe whose connection opening was lost, one of the scenario's background
 * (noise) pauses of any length — the GC-like hiccups a detector must ride out, however
 * aggressively it is tuned — or a fault's pause shorter than the detector's bound (interval ×
 * threshold, the lease TTL, the failover time). Taking such a node out costs capacity, sessions or
 * a handover for nothing. A fault's pause at least as long as the bound (a stopped VM, the lessons'
 * long pauses) is what the detector is for.
 */
import type { Sim } from './engine';
import { C } from './metrics/recorder';
import type { SimNode } from './node';

/** Whether `detector` taking `node` out now is a false suspicion (see above). */
export function isFalseSuspicion(sim: Sim, detector: SimNode, node: SimNode, boundUs: number): boolean {
  if (!node.isUp || !node.isReady || node.isRemoved) return false;
  // A pause that lasts as long as the bound (in total) is what the detector is for, also when the
  // verdict comes just as the pause ends (within one bound of it).
  if (node.isPaused && !node.isPauseNoise && node.pauseEndsAtUs - node.pausedAtUs >= boundUs) return false;
  if (!node.isPaused && !node.lastPauseWasNoise && node.lastPauseToUs >= 0 && sim.nowUs - node.lastPauseToUs < boundUs && node.lastPauseToUs - node.lastPauseFromUs >= boundUs) return false;
  return sim.canReach(detector.idx, node.idx);
}

/** Counts a suspicion of `node` (at the node) when it is false; returns whether it was. */
export function countSuspicion(sim: Sim, detector: SimNode, node: SimNode, boundUs: number): boolean {
  const isFalse = isFalseSuspicion(sim, detector, node, boundUs);
  if (isFalse) sim.rec.add(node.idx, C.falseSuspicions, 1);
  return isFalse;
}
