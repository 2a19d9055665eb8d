/**
 * Background noise from the scenario (src/shared/noise.ts): GC-like pauses per node kind, latency
 * tails on links and lost connection openings (which a probe's new connection pays, probes.ts).
 * Each node's pauses and each edge's tails and openings draw from a stream of their own, derived
 * from the run's seed and the node or edge id, so noise never shifts the random stream of a node's
 * own behaviour, and noise on one node does not shift another's.
 */
import type { Noise } from '../../shared/noise';
import type { Sim } from './engine';
import { EV } from './loop';
import type { SimEdge, SimNode } from './node';
import { Rng } from './rng';

/** Linux gives up a connection after this many lost openings (tcp_syn_retries); any probe has timed out long before. */
const HANDSHAKE_RETRIES_MAX = 6;
const PHASE_PAUSE = 0;
const PHASE_RESUME = 1;

export class NoiseDriver {
  /** Per node index: its pause stream, or undefined when its kind has no pauses. */
  private readonly rngs: (Rng | undefined)[] = [];
  /** Per node index: when our current pause began (a pause that began at another time is a fault's, left to it). */
  private readonly pausedAtUs: number[] = [];
  private readonly tailRngs: Rng[] = [];
  private readonly handshakeRngs: Rng[] = [];

  constructor(
    private readonly sim: Sim,
    private readonly noise: Noise,
  ) {
    sim.onNoise = (n, phase) => this.step(n, phase);
    const tails = noise.linkTails;
    if (tails !== undefined && tails.probability > 0 && tails.extraMsMax > 0) {
      const meanUs = tails.extraMsMean * 1000;
      const maxUs = tails.extraMsMax * 1000;
      sim.linkTailUs = (edge: SimEdge) => {
        let rng = this.tailRngs[edge.idx];
        if (rng === undefined) rng = this.tailRngs[edge.idx] = Rng.forNode(sim.seed, `${edge.id}/tails`);
        if (rng.next() >= tails.probability) return 0;
        return Math.round(Math.min(maxUs, rng.exp(meanUs)));
      };
    }
    const loss = noise.handshakeLoss;
    if (loss !== undefined && loss.probability > 0) {
      const retryUs = Math.round(loss.retryMs * 1000);
      // A lost opening is sent again after the retry wait, which doubles at each further loss (TCP's
      // backoff). One draw per opening says how many times it is lost (u < p: once, u < p²: twice…),
      // so each probe's luck is its own draw and does not shift the draws of the probes after it.
      sim.handshakeUs = (edge: SimEdge) => {
        let rng = this.handshakeRngs[edge.idx];
        if (rng === undefined) rng = this.handshakeRngs[edge.idx] = Rng.forNode(sim.seed, `${edge.id}/handshakes`);
        const u = rng.next();
        let waitUs = 0;
        let bound = loss.probability;
        for (let lost = 0; lost < HANDSHAKE_RETRIES_MAX && u < bound; lost++, bound *= loss.probability) waitUs += retryUs * 2 ** lost;
        return waitUs;
      };
    }
  }

  /** Schedules the first pause of every node whose kind has pauses, and of every node added later (clones). */
  start(): void {
    for (const node of this.sim.nodes) this.startNode(node);
    this.sim.onNodeAdded = (node) => this.startNode(node);
  }

  private startNode(node: SimNode): void {
    const p = this.noise.pauses[node.kind];
    if (p === undefined || p.perMinute <= 0 || p.durationMsMax <= 0) return;
    this.rngs[node.idx] = Rng.forNode(this.sim.seed, `${node.id}/pauses`);
    this.scheduleNext(node.idx);
  }

  private scheduleNext(n: number): void {
    const p = this.noise.pauses[this.sim.nodes[n]!.kind]!;
    const gapUs = Math.max(1, Math.round(this.rngs[n]!.exp(60_000_000 / p.perMinute)));
    this.push(gapUs, n, PHASE_PAUSE);
  }

  private push(delayUs: number, n: number, phase: number): void {
    const sim = this.sim;
    sim.queue.push(sim.nowUs + delayUs, EV.noise, n, phase, 0, 0, 0);
  }

  private step(n: number, phase: number): void {
    const sim = this.sim;
    const node = sim.nodes[n]!;
    if (phase === PHASE_RESUME) {
      if (node.isPaused && node.isPauseNoise && node.pausedAtUs === this.pausedAtUs[n]) sim.resume(node);
      this.pausedAtUs[n] = -1;
      this.scheduleNext(n);
      return;
    }
    const p = this.noise.pauses[node.kind]!;
    const durUs = Math.max(1, Math.round(Math.min(p.durationMsMax * 1000, this.rngs[n]!.exp(p.durationMsMean * 1000))));
    // A node that is down or already paused skips this pause (the next one is drawn after it).
    if (node.isUp && !node.isPaused) {
      sim.pause(node, sim.nowUs + durUs, true);
      this.pausedAtUs[n] = sim.nowUs;
    }
    this.push(durUs, n, PHASE_RESUME);
  }
}
