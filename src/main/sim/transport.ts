/**
 * The network transport: calls sent over links as messages with latency, jitter and loss,
 * partitions (cuts) that drop what crosses them, zero-delay deliveries done inline, and the
 * delivery of a message to its node. The message counters (sent, delivered, dropped, in flight)
 * live here.
 */
import { FAILURE_REASONS } from '../../shared/failureReasons';
import { CallPool, FLAG_ONE_WAY, STATUS, STATUS_REASON } from './calls';
import { EV, EV_NAMES, EventLoop } from './loop';
import { C, E, NE } from './metrics/recorder';
import type { Cut, NodeCore, SimEdge, SimNode } from './node';
import type { RequestTracer } from './trace/hooks';
import { TimeoutFifo } from './timeouts';

/** Status code → the counter its failure reason adds to (-1: ok or miss); from shared/failureReasons.ts. */
const FAIL_COUNTER = STATUS_REASON.map((reason) => (reason === undefined ? -1 : C[FAILURE_REASONS[reason].counter]));

/** Nested zero-delay deliveries allowed before falling back to the heap (cycles of zero-latency edges). */
const INLINE_DEPTH_MAX = 16;

export abstract class Network extends EventLoop {
  readonly calls = new CallPool(4096);
  readonly nodes: SimNode[] = [];
  /** nodes[n].core, for the hot paths (NodeCore: one object shape for every kind of node). */
  readonly cores: NodeCore[] = [];
  readonly edges: SimEdge[] = [];
  cuts: Cut[] = [];
  /** Extra delay of one message on a link (latency tails from the scenario's noise; null: none). */
  linkTailUs: ((edge: SimEdge) => number) | null = null;
  /** Per-request tracing (trace/recorder.ts): set only in a tracing re-run; null costs one check per hop. */
  tracer: RequestTracer | null = null;
  sent = 0;
  delivered = 0;
  dropped = 0;
  inFlight = 0;
  private inlineDepth = 0;

  /** A new call from `from` over `edge` (to `to`, normally the edge's target), held by the caller. */
  newCall(from: SimNode, edge: SimEdge, op: number, to = edge.to): number {
    return this.calls.alloc(from.idx, to, edge.idx, op);
  }

  /**
   * Sends a call's request; the caller's timeout starts now, unless `isTimed`: it started when the
   * call was issued, before it waited at its caller (startTimeout), and it only has the rest.
   */
  sendRequest(c: number, extraUs = 0, isTimed = false): void {
    const calls = this.calls;
    const from = this.cores[calls.from[c]!]!;
    if (this.tracer !== null) this.tracer.onSend(c);
    if (!from.isClient) this.rec.add(from.idx, C.remoteCalls, 1);
    this.rec.edgeCur[calls.edge[c]! * NE + E.requests]! += 1;
    const gen = calls.gen[c]!;
    const isOneWay = (calls.flags[c]! & FLAG_ONE_WAY) !== 0;
    const isSent = this.transmit(c, from, this.cores[calls.to[c]!]!, this.edges[calls.edge[c]!]!, EV.deliverReq, extraUs);
    if (isOneWay) {
      if (!isSent && calls.gen[c] === gen) calls.releaseByCaller(c);
      return;
    }
    // An inline delivery may already have answered the call.
    if (!isTimed && calls.gen[c] === gen && calls.isHeldByCaller(c)) this.startTimeout(c);
  }

  /**
   * The caller's timeout of call `c` starts now (a no-op for a caller without one): its deadline
   * joins the caller's FIFO. Deadlines are now + the caller's one timeout, so they come in order.
   */
  startTimeout(c: number): void {
    const calls = this.calls;
    const from = this.cores[calls.from[c]!]!;
    if (from.timeoutUs <= 0) return;
    let f = from.timeouts;
    if (f === null) f = from.timeouts = new TimeoutFifo();
    const deadline = this.nowUs + from.timeoutUs;
    // Before the FIFO would grow, drop the answered calls at its head, so it holds about the
    // calls in flight rather than every call of the last timeout period. Only then: an answered
    // call stays answered (its generation moved on), and fireTimeouts skips such entries just
    // the same, so when they are dropped changes nothing but the FIFO's size.
    if (f.isFull) {
      while (f.length > 0) {
        const h = f.headCall();
        if (calls.gen[h] === f.headGen() && (calls.held[h]! & 1) !== 0 && calls.from[h] === from.idx) break;
        f.shift();
      }
    }
    f.push(c, calls.gen[c]!, deadline);
    if (f.armedUs < 0) {
      f.armedUs = deadline;
      this.queue.push(deadline, EV.timeout, from.idx, 0, 0, 0, from.incarnation);
    }
  }

  /** The callee answers; `extraUs` is processing time folded into the answer's delivery. */
  reply(node: SimNode, c: number, status: number, extraUs = 0): void {
    const calls = this.calls;
    calls.status[c] = status;
    if (this.tracer !== null) this.tracer.onReply(node, c, status, extraUs);
    const rec = this.rec;
    const i = node.idx;
    if (status === STATUS.ok) rec.add(i, C.ok, 1);
    else {
      rec.add(i, C.failed, 1);
      const k = FAIL_COUNTER[status]!;
      if (k >= 0) rec.add(i, k, 1);
    }
    rec.latency(i, this.nowUs + extraUs - calls.arriveUs[c]!, status === STATUS.ok);
    this.transmit(c, this.cores[i]!, this.cores[calls.from[c]!]!, this.edges[calls.edge[c]!]!, EV.deliverResp, extraUs);
    calls.releaseByCallee(c);
  }

  /** Puts a message on the wire: false when the network drops it at once. */
  private transmit(c: number, from: NodeCore, to: NodeCore, edge: SimEdge, type: number, extraUs: number): boolean {
    this.sent++;
    if ((this.cuts.length !== 0 && !this.canReach(from.idx, to.idx)) || this.isLost(from, to, edge)) {
      this.dropped++;
      return false;
    }
    let d = edge.latUs;
    if (edge.jitterUs > 0) d += from.rng.int(edge.jitterUs + 1);
    const f = from.latencyFactor > to.latencyFactor ? from.latencyFactor : to.latencyFactor;
    if (f !== 1) d = Math.round(d * f);
    if (this.linkTailUs !== null) d += this.linkTailUs(edge);
    this.inFlight++;
    if (d + extraUs === 0 && this.inlineDepth < INLINE_DEPTH_MAX && to.isUp && !to.isPaused) {
      // A zero-delay hop to a live node is delivered now rather than through the heap: the
      // order is still fixed (it happens inside the sender's event), and it halves the events
      // of zero-latency models. It takes a sequence number and is folded into the trace hash.
      this.inlineDepth++;
      const seq = this.queue.takeSeq();
      this.fold(this.nowUs, seq, type, to.idx);
      this.deliver(type, to.idx, c, this.calls.gen[c]!, 0, seq);
      this.inlineDepth--;
      return true;
    }
    this.queue.push(this.nowUs + d + extraUs, type, to.idx, c, this.calls.gen[c]!, 0, 0);
    return true;
  }

  /** A connection reset from the host of a dead process: no jitter, no loss, no node behaviour. */
  protected refuse(c: number): void {
    const calls = this.calls;
    calls.status[c] = STATUS.down;
    this.noteRefused(c);
    const edge = this.edges[calls.edge[c]!]!;
    this.sent++;
    this.inFlight++;
    this.queue.push(this.nowUs + edge.latUs, EV.deliverResp, calls.from[c]!, c, calls.gen[c]!, 0, 0);
  }

  /** A refused request call: the engine logs its caller's failure (Sim). */
  protected abstract noteRefused(c: number): void;

  private isLost(from: NodeCore, to: NodeCore, edge: SimEdge): boolean {
    const p = edge.lossRate + edge.extraLoss + from.lossRate + to.lossRate;
    if (p === 0) return false;
    const keep = (1 - edge.lossRate) * (1 - edge.extraLoss) * (1 - from.lossRate) * (1 - to.lossRate);
    return from.rng.next() >= keep;
  }

  canReach(a: number, b: number): boolean {
    for (const cut of this.cuts) {
      const ga = cut.groupOf[a] ?? -1;
      const gb = cut.groupOf[b] ?? -1;
      if (ga >= 0 && gb >= 0 && ga !== gb) return false;
    }
    return true;
  }

  /** Delivers a request or response message; returns whether the node's behaviour ran. */
  protected deliver(type: number, n: number, a: number, b: number, inc: number, inlineSeq: number): boolean {
    const node = this.nodes[n]!;
    const core = this.cores[n]!;
    const calls = this.calls;
    if (this.tracer !== null) this.tracer.onDeliver(type, n, a, b);
    if (inc !== -1) {
      this.inFlight--;
      if (!core.isUp) {
        this.dropped++;
        if (type === EV.deliverReq && calls.isValid(a, b) && calls.isHeldByCaller(a)) {
          if ((calls.flags[a]! & FLAG_ONE_WAY) !== 0) calls.releaseByCaller(a);
          else this.refuse(a);
        }
        return false;
      }
      this.delivered++;
    }
    if (core.isPaused) {
      node.deferred.push(type, a, b, 0, -1);
      return false;
    }
    let isHandled = false;
    if (type === EV.deliverReq) {
      if (calls.isValid(a, b)) {
        if (!core.isUp) this.fail(`${node.id} handled a request while down`);
        isHandled = true;
        calls.arriveUs[a] = this.nowUs;
        this.rec.add(n, C.requests, 1);
        if ((calls.flags[a]! & FLAG_ONE_WAY) !== 0) {
          node.onRequest(a);
          calls.releaseByCaller(a);
        } else {
          calls.takeByCallee(a);
          node.onRequest(a);
        }
      }
    } else if (calls.isValid(a, b) && calls.isHeldByCaller(a) && calls.from[a] === n) {
      if (!core.isUp) this.fail(`${node.id} handled a response while down`);
      isHandled = true;
      const status = calls.status[a]!;
      this.foldOutcome(status);
      if (status !== STATUS.ok && status !== STATUS.miss) this.rec.edgeCur[calls.edge[a]! * NE + E.failed]! += 1;
      node.onResponse(a);
    }
    if (inlineSeq >= 0 && this.trace !== undefined) {
      this.trace({ timeUs: this.nowUs, seq: inlineSeq, type: EV_NAMES[type]!, node: node.id, isHandled, wasNodeUp: true });
    }
    return isHandled;
  }
}
