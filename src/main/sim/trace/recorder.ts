/**
 * The request tracer (issue 17): set as `sim.tracer` in a re-run of a design, it follows the
 * chosen logical requests through every hop (send, arrival, queue, work, answer, timeout, retry)
 * and keeps a one-line summary of every request, so a chooser can pick one. It only reads the
 * simulation's state; the run it watches is the same run, event for event (same trace hash).
 */
import { FLAG_LOGIN, OP, STATUS, STATUS_REASON } from '../calls';
import { EV } from '../loop';
import type { Sim } from '../engine';
import type { SimNode } from '../node';
import { partitionOf } from '../hashing';
import { LoadBalancerNode } from '../nodes/loadBalancer';
import { ServiceNode } from '../nodes/service';
import type { RequestTracer } from './hooks';
import { TRACE_OPS, type RequestId, type RequestTrace, type SessionLoss, type TraceHop, type TraceOutcome } from '../../../shared/requestTrace';

/** One logical request as the summary pass sees it. */
export interface RequestSummary {
  client: string;
  n: number;
  user: number;
  startUs: number;
  endUs: number;
  /** STATUS code it ended with (-1: still open). */
  status: number;
}

/** Where a user's session lives, as the tracer learnt it from login answers. */
interface Holding {
  gen: number;
  where: 'memory' | 'store' | 'token';
  node: number;
  sinceUs: number;
}

/** A request traced in full while the run goes. */
interface Live {
  trace: RequestTrace;
  /** Session holding when it was issued (for the journey). */
  session: { where: 'memory' | 'store' | 'token' | 'none'; node?: string };
  isLogin: boolean;
}

interface CallRef {
  gen: number;
  req: Live;
  /** The hop made for this call once sent (-1: a root not sent yet). */
  hop: number;
  attempt: number;
}

/** Which requests to trace in full: decided when the client issues it. */
export type TracePredicate = (client: string, n: number, user: number, startUs: number) => boolean;

const ms = (us: number) => us / 1000;
const outcomeOf = (status: number): TraceOutcome => (status === STATUS.ok ? 'ok' : (STATUS_REASON[status] ?? 'miss'));

export class RequestRecorder implements RequestTracer {
  readonly summaries: RequestSummary[] = [];
  readonly traced: Live[] = [];
  private readonly issued = new Map<number, number>();
  private readonly calls = new Map<number, CallRef>();
  private readonly summaryOf = new Map<number, { gen: number; s: RequestSummary }>();
  private readonly holding = new Map<number, Holding>();
  private readonly crashes: { node: number; atUs: number }[] = [];
  /** The edge chooser's watch: the first request sending over sim edge `edge` at or after `fromUs` (one answer, nothing per request). */
  private watch: { edge: number; fromUs: number } | undefined;
  /** What the watch found. */
  crossing: RequestSummary | undefined;

  /** Watch sim edge `edge` for the first request sending over it at or after `fromUs` (needs summaries). */
  watchEdge(edge: number, fromUs: number): void {
    this.watch = { edge, fromUs };
  }

  constructor(
    private readonly sim: Sim,
    private readonly shouldTrace: TracePredicate,
    /** Keep a summary of every request (for the choosers). */
    private readonly isSummarising: boolean,
    /** At most this many requests traced in full. */
    private readonly maxTraced: number,
  ) {}

  /** Requests the clients issued so far. */
  issuedTotal(): number {
    let n = 0;
    for (const v of this.issued.values()) n += v;
    return n;
  }

  private ref(c: number, gen = this.sim.calls.gen[c]!): CallRef | undefined {
    const r = this.calls.get(c);
    return r !== undefined && r.gen === gen ? r : undefined;
  }

  onIssue(client: SimNode, c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const n = this.issued.get(client.idx) ?? 0;
    this.issued.set(client.idx, n + 1);
    const user = calls.user[c]!;
    if (this.isSummarising) {
      const s: RequestSummary = { client: client.id, n, user, startUs: sim.nowUs, endUs: -1, status: -1 };
      this.summaries.push(s);
      this.summaryOf.set(c, { gen: calls.gen[c]!, s });
    }
    if (this.traced.length >= this.maxTraced || !this.shouldTrace(client.id, n, user, sim.nowUs)) return;
    const h = this.holding.get(user);
    const id: RequestId = { client: client.id, n };
    const trace: RequestTrace = { id, user, key: calls.key[c]!, op: TRACE_OPS[calls.op[c]!]!, startMs: ms(sim.nowUs), attempts: 1, lanes: [client.id], hops: [] };
    const live: Live = { trace, session: h === undefined ? { where: 'none' } : { where: h.where, ...(h.where !== 'token' ? { node: sim.nodes[h.node]!.id } : {}) }, isLogin: false };
    this.traced.push(live);
    this.calls.set(c, { gen: calls.gen[c]!, req: live, hop: -1, attempt: 0 });
  }

  onRetry(prev: number, next: number): void {
    const calls = this.sim.calls;
    const s = this.summaryOf.get(prev);
    if (s !== undefined && s.gen === calls.gen[prev]) this.summaryOf.set(next, { gen: calls.gen[next]!, s: s.s });
    const r = this.ref(prev);
    if (r === undefined) return;
    r.req.trace.attempts++;
    this.calls.set(next, { gen: calls.gen[next]!, req: r.req, hop: -1, attempt: calls.attempt[next]! });
  }

  onEnd(_client: SimNode, c: number, status: number): void {
    const sim = this.sim;
    const s = this.summaryOf.get(c);
    if (s !== undefined && s.gen === sim.calls.gen[c]) {
      s.s.endUs = sim.nowUs;
      s.s.status = status;
      this.summaryOf.delete(c);
    }
    const r = this.ref(c);
    if (r === undefined) return;
    const t = r.req.trace;
    t.endMs = ms(sim.nowUs);
    const o = outcomeOf(status);
    t.outcome = o === 'miss' ? 'noRoute' : o;
    const lastAttempt = t.hops.filter((h) => h.attempt === t.attempts - 1);
    t.servedBy = lastAttempt.find((h) => sim.byId.get(h.to)?.kind === 'service')?.to;
  }

  onSend(c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    if (this.watch !== undefined && this.crossing === undefined && calls.edge[c] === this.watch.edge && sim.nowUs >= this.watch.fromUs) this.crossing = this.requestOf(c);
    let r = this.ref(c);
    if (r === undefined) {
      const p = calls.parent[c]!;
      if (p < 0) return;
      const pr = this.ref(p, calls.parentGen[c]!);
      if (pr === undefined || pr.hop < 0) return;
      r = { gen: calls.gen[c]!, req: pr.req, hop: -1, attempt: pr.attempt };
      this.calls.set(c, r);
    }
    if (r.hop >= 0) return;
    const t = r.req.trace;
    const parent = calls.parent[c]! >= 0 ? (this.ref(calls.parent[c]!, calls.parentGen[c]!)?.hop ?? -1) : -1;
    if (parent < 0 && (calls.flags[c]! & FLAG_LOGIN) !== 0) r.req.isLogin = true;
    const from = sim.nodes[calls.from[c]!]!;
    const to = sim.nodes[calls.to[c]!]!;
    if (!t.lanes.includes(to.id)) t.lanes.push(to.id);
    if (!t.lanes.includes(from.id)) t.lanes.push(from.id);
    const hop: TraceHop = { id: t.hops.length, parent, from: from.id, to: to.id, edge: sim.edges[calls.edge[c]!]!.id, op: TRACE_OPS[calls.op[c]!]!, attempt: r.attempt, sentMs: ms(sim.nowUs) };
    r.hop = hop.id;
    t.hops.push(hop);
  }

  onDeliver(type: number, n: number, c: number, gen: number): void {
    const r = this.ref(c, gen);
    if (r === undefined || r.hop < 0) return;
    const sim = this.sim;
    const calls = sim.calls;
    if (!calls.isValid(c, gen)) return;
    const hop = r.req.trace.hops[r.hop]!;
    const node = sim.nodes[n]!;
    if (type === EV.deliverReq) {
      if (hop.arrivedMs !== undefined || !calls.isHeldByCaller(c)) return;
      hop.arrivedMs = ms(sim.nowUs);
      if (!node.isUp) hop.isRefused = true;
      else if (node instanceof LoadBalancerNode) hop.lbBelief = node.targets.map((t) => ({ node: t.node.id, isHealthy: t.isHealthy, isRegistered: t.isRegistered }));
    } else if (hop.answeredMs === undefined && calls.isHeldByCaller(c) && calls.from[c] === n && node.isUp) {
      hop.answeredMs = ms(sim.nowUs);
      if (hop.outcome === undefined) hop.outcome = outcomeOf(calls.status[c]!);
    }
  }

  onReply(node: SimNode, c: number, status: number, extraUs: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    this.learnSession(node, c, status);
    const r = this.ref(c);
    if (r === undefined || r.hop < 0) return;
    const hop = r.req.trace.hops[r.hop]!;
    hop.repliedMs = ms(sim.nowUs + extraUs);
    hop.outcome = outcomeOf(status);
    if (extraUs > 0 && hop.serviceMs === undefined) {
      hop.startedMs ??= ms(sim.nowUs);
      hop.serviceMs = ms(extraUs);
    }
    if (node instanceof ServiceNode && node.props.ownsPartitions) {
      const p = partitionOf(calls.key[c]!, node.ownedEpoch.length);
      const own = sim.model.ownership;
      const o = own === null ? -1 : own.ownerMap[p]!;
      hop.owner = { partition: p, epoch: node.ownedEpoch[p]!, ...(o >= 0 ? { owner: sim.nodes[o]!.id } : {}) };
    }
    // Where the session was checked (not where a balancer or an instance relays the answer).
    const isChecker = node.kind === 'session-store' || (node instanceof ServiceNode && node.props.sessions !== 'session-store');
    if (status === STATUS.sessionLost && isChecker) hop.sessionLoss = this.explainLoss(node, c);
  }

  onTimeout(c: number): void {
    const r = this.ref(c);
    if (r === undefined || r.hop < 0) return;
    const hop = r.req.trace.hops[r.hop]!;
    hop.timedOutMs = ms(this.sim.nowUs);
    hop.outcome ??= 'timeout';
  }

  onStart(_node: SimNode, c: number): void {
    const r = this.ref(c);
    if (r === undefined || r.hop < 0) return;
    r.req.trace.hops[r.hop]!.startedMs ??= ms(this.sim.nowUs);
  }

  onCompute(_node: SimNode, c: number, workUs: number): void {
    const r = this.ref(c);
    if (r === undefined || r.hop < 0) return;
    const hop = r.req.trace.hops[r.hop]!;
    hop.serviceMs = (hop.serviceMs ?? 0) + ms(workUs);
  }

  onCrash(node: SimNode): void {
    const now = this.sim.nowUs;
    this.crashes.push({ node: node.idx, atUs: now });
    for (const r of this.calls.values()) {
      const hop = r.hop >= 0 ? r.req.trace.hops[r.hop]! : undefined;
      if (hop === undefined || hop.answeredMs !== undefined || hop.timedOutMs !== undefined) continue;
      if (hop.to === node.id && hop.arrivedMs !== undefined && hop.repliedMs === undefined) hop.calleeCrashedMs = ms(now);
      else if (hop.from === node.id) hop.callerCrashedMs = ms(now);
    }
  }

  /** The logical request call `c` belongs to: up its parents to the client's attempt (summaries only). */
  private requestOf(c: number): RequestSummary | undefined {
    const calls = this.sim.calls;
    let at = c;
    let gen = calls.gen[c]!;
    // A call's parents are alive while it is sent; the depth is bounded by the graph, the loop by the call table.
    for (let depth = 0; depth < 1000; depth++) {
      if (calls.gen[at] !== gen) return undefined;
      const p = calls.parent[at]!;
      if (p < 0) {
        const s = this.summaryOf.get(at);
        return s !== undefined && s.gen === gen ? s.s : undefined;
      }
      gen = calls.parentGen[at]!;
      at = p;
    }
    return undefined;
  }

  /** A successful login answer tells where the user's session now lives. */
  private learnSession(node: SimNode, c: number, status: number): void {
    const calls = this.sim.calls;
    const user = calls.user[c]!;
    if (status !== STATUS.ok || user < 0) return;
    const gen = calls.session[c]!;
    const prev = this.holding.get(user);
    if (prev !== undefined && prev.gen > gen) return;
    const now = this.sim.nowUs;
    if (node.kind === 'session-store' && calls.op[c] === OP.sessionPut) this.holding.set(user, { gen, where: 'store', node: node.idx, sinceUs: now });
    else if (node instanceof ServiceNode && (calls.flags[c]! & FLAG_LOGIN) !== 0) {
      if (node.props.sessions === 'local-memory') this.holding.set(user, { gen, where: 'memory', node: node.idx, sinceUs: now });
      else if (node.props.sessions === 'signed-token') this.holding.set(user, { gen, where: 'token', node: node.idx, sinceUs: now });
    }
  }

  /** Why the session `c` carries was gone at `node`: its holder crashed, was falsely suspected, the request went elsewhere, or it was revoked. */
  explainLoss(node: SimNode, c: number): SessionLoss {
    const sim = this.sim;
    const calls = sim.calls;
    const user = calls.user[c]!;
    const gen = calls.session[c]!;
    const now = sim.nowUs;
    const noticed = { noticedBy: node.id, noticedAtMs: ms(now) };
    if (sim.model.isRevoked(user, gen)) return { reason: 'revoked', atMs: ms(now), ...noticed };
    const h = this.holding.get(user);
    if (h === undefined || h.gen !== gen) return { reason: 'routedElsewhere', atMs: ms(now), ...noticed };
    const holder = sim.nodes[h.node]!.id;
    const crash = this.crashes.find((x) => x.node === h.node && x.atUs >= h.sinceUs && x.atUs <= now);
    if (crash !== undefined) return { reason: 'holderCrashed', holder, atMs: ms(crash.atUs), ...noticed };
    const sinceMs = ms(h.sinceUs);
    const suspicion = sim.events.find((e) => e.textKey === 'failure-detected.false-suspicion' && e.node === holder && e.atMs >= sinceMs && e.atMs <= ms(now));
    if (suspicion !== undefined) return { reason: 'falseSuspicion', holder, atMs: suspicion.atMs, ...noticed };
    return { reason: 'routedElsewhere', holder, atMs: ms(now), ...noticed };
  }
}
