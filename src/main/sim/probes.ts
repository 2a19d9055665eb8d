/**
 * Health probes as messages. A prober (a load balancer, a database follower watching its leader)
 * sends a probe over a link; the probe sees the link's latency, jitter, loss and tails like any
 * message, waits behind the target's pause (it is deferred like any event) and behind its queued
 * work (`probeWaitUs`), and an answer that does not come back within the probe's own timeout is a
 * failed probe. Each probe opens a new connection (as HAProxy's, cloud balancers' and the kubelet's
 * HTTP checks do), so an opening lost to the scenario's noise delays it by the retry wait (TCP's
 * 1 s), longer than most probe timeouts: one failed probe now and then from a healthy target, which a
 * threshold of one failure takes for a death. A crashed process's host refuses at once, so a crash
 * is still seen after a round trip; a cut or a lost probe is a timeout. A detector built on these
 * therefore suspects nodes that are only slow, paused or unlucky, as real ones do.
 */
import type { Sim } from './engine';
import { EV } from './loop';
import type { NodeCore, SimEdge, SimNode } from './node';
import { Rng } from './rng';

const PH_REQUEST = 0;
const PH_OK = 1;
const PH_FAIL = 2;
const PH_TIMEOUT = 3;

function probeRng(sim: Sim, node: SimNode): Rng {
  if (node.probeRng === null) node.probeRng = Rng.forNode(sim.seed, `${node.id}/probes`);
  return node.probeRng;
}

/** Delay of one probe message from `from` to `to` over `edge` (latency, jitter, slow links, tails); -1 when it is dropped. */
function hopUs(sim: Sim, from: NodeCore, to: NodeCore, edge: SimEdge, rng: Rng): number {
  if (sim.cuts.length !== 0 && !sim.canReach(from.idx, to.idx)) return -1;
  if (edge.lossRate + edge.extraLoss + from.lossRate + to.lossRate > 0) {
    const keep = (1 - edge.lossRate) * (1 - edge.extraLoss) * (1 - from.lossRate) * (1 - to.lossRate);
    if (rng.next() >= keep) return -1;
  }
  let d = edge.latUs;
  if (edge.jitterUs > 0) d += rng.int(edge.jitterUs + 1);
  const f = from.latencyFactor > to.latencyFactor ? from.latencyFactor : to.latencyFactor;
  if (f !== 1) d = Math.round(d * f);
  if (sim.linkTailUs !== null) d += sim.linkTailUs(edge);
  return d;
}

/** Sends probe `seq` from `from` to `to`; its result reaches `from.onProbeResult(slot, seq, …)` within `timeoutUs`. */
export function sendProbe(sim: Sim, from: SimNode, to: SimNode, edge: SimEdge, slot: number, seq: number, timeoutUs: number): void {
  const d = hopUs(sim, from.core, to.core, edge, probeRng(sim, from));
  // The connection is opened first: a lost opening (either way) waits for TCP to send it again.
  const openUs = d >= 0 && sim.handshakeUs !== null ? sim.handshakeUs(edge) : 0;
  if (d >= 0) sim.queue.push(sim.nowUs + openUs + d, EV.probe, to.idx, from.idx, slot, seq * 4 + PH_REQUEST, edge.idx);
  sim.queue.push(sim.nowUs + timeoutUs, EV.probe, from.idx, to.idx, slot, seq * 4 + PH_TIMEOUT, from.incarnation);
}

/** A probe event at node `n` (the target, or the prober for answers and timeouts); returns whether a node acted. */
export function onProbeEvent(sim: Sim, n: number, other: number, slot: number, code: number, inc: number): boolean {
  const node = sim.nodes[n]!;
  const core = sim.cores[n]!;
  const phase = code & 3;
  if (phase === PH_REQUEST) {
    const prober = sim.nodes[other]!;
    const proberCore = sim.cores[other]!;
    const edge = sim.edges[inc]!;
    if (core.isUp && core.isPaused) {
      node.deferred.push(EV.probe, other, slot, code, inc);
      return false;
    }
    if (node.isRemoved) return false;
    // A dead process's host refuses the connection; a live one answers after its queued work.
    const waitUs = core.isUp ? node.probeWaitUs() : -1;
    const d = hopUs(sim, core, proberCore, edge, probeRng(sim, prober));
    if (d < 0) return core.isUp;
    const answer = waitUs >= 0 ? PH_OK : PH_FAIL;
    sim.queue.push(sim.nowUs + Math.max(0, waitUs) + d, EV.probe, other, n, slot, (code - PH_REQUEST) + answer, proberCore.incarnation);
    return core.isUp;
  }
  // At the prober: an answer or a timeout of a previous life is void; one due while paused waits.
  if (inc !== core.incarnation || !core.isUp) return false;
  if (core.isPaused) {
    node.deferred.push(EV.probe, other, slot, code, inc);
    return false;
  }
  node.onProbeResult(slot, code >> 2, phase === PH_OK);
  return true;
}
