/**
 * Faults and operations (DESIGN.md §3), scheduled by the scenario. Each fault is an EV_FAULT
 * event: phase 0 starts it, phase 1 ends a timed one, phases ≥ 2 step a rolling deploy or a
 * drain. Everything a fault changes goes through the engine's crash/restart/pause mechanics so
 * the same invariants hold as for the rest of the run.
 */
import { faultDurationMs, isTargetSelector, resolveFault, type FaultParamsOf, type ResolvedFault, type TargetSelector } from '../../shared/faults';
import type { Fault } from '../../shared/scenario';
import type { Cut, Sim, SimNode } from './engine';
import { CacheNode } from './nodes/cache';
import { ClientNode } from './nodes/client';
import type { DatabaseNode } from './nodes/database';
import { LoadBalancerNode } from './nodes/loadBalancer';
import { ServiceNode } from './nodes/service';
import { SessionStoreNode } from './nodes/sessionStore';

const assertNever = (x: never): never => {
  throw new Error(`unhandled fault action ${JSON.stringify(x)}`);
};

/** How often a drain checks whether the instance is idle, and how long it waits at most. */
const DRAIN_POLL_US = 50_000;
const DRAIN_MAX_US = 30_000_000;

const PHASE_START = 0;
const PHASE_END = 1;
const PHASE_STEP = 2;

interface DeployState {
  nodes: SimNode[];
  next: number;
  batch: SimNode[];
  /** 'handover' → waiting for its partitions to move (controlledShutdown); 'drain' → waiting for idle; 'start' → waiting for ready; 'admit' → waiting for balancers to route to it. */
  waiting: 'handover' | 'drain' | 'start' | 'admit';
  sinceUs: number;
}

export class Faults {
  private readonly deploys = new Map<number, DeployState>();
  private readonly clones: (from: SimNode) => SimNode;
  /** The scheduled faults with their action's defaults applied (FAULTS in shared/faults.ts). */
  private readonly faults: ResolvedFault[];

  constructor(
    private readonly sim: Sim,
    faults: readonly (Fault & { id: string })[],
    clone: (from: SimNode) => SimNode,
  ) {
    this.clones = clone;
    this.faults = faults.map((f) => resolveFault(f, f.id));
    sim.onFault = (index, phase) => this.apply(index, phase);
    faults.forEach((f, i) => sim.scheduleFault(f.atMs * 1000, i, PHASE_START));
  }

  private node(id: string): SimNode {
    const n = this.sim.byId.get(id);
    if (n === undefined) throw new Error(`fault target "${id}" is not a node`);
    return n;
  }

  /** The node a target selector names at this moment (TARGET_SELECTORS in shared/faults.ts). */
  private select(selector: TargetSelector): SimNode | undefined {
    switch (selector) {
      case '@busiest-service': {
        let best: ServiceNode | undefined;
        for (const n of this.sim.nodes) {
          if (n instanceof ServiceNode && n.isUp && !n.isRemoved && (best === undefined || n.requestsReceived > best.requestsReceived)) best = n;
        }
        return best;
      }
      default:
        return assertNever(selector);
    }
  }

  private lbs(): LoadBalancerNode[] {
    return this.sim.nodes.filter((n): n is LoadBalancerNode => n instanceof LoadBalancerNode);
  }

  /** Schedules the end of a timed fault after its duration (defaults applied); without one it lasts. */
  private endAfter(f: ResolvedFault, index: number): void {
    const d = faultDurationMs(f);
    if (d !== undefined) this.sim.scheduleFault(this.sim.nowUs + d * 1000, index, PHASE_END);
  }

  private apply(index: number, phase: number): void {
    const sim = this.sim;
    if (phase === PHASE_START && isTargetSelector(this.faults[index]!.target)) {
      // A selector picks its node now; the later phases of the fault act on that node.
      const picked = this.select(this.faults[index]!.target as TargetSelector);
      if (picked === undefined) return;
      this.faults[index] = { ...this.faults[index]!, target: picked.id };
    }
    const f = this.faults[index]!;
    if (phase === PHASE_START) sim.log('fault', sim.byId.get(f.target), { fault: f.id, action: f.action, target: f.target });
    switch (f.action) {
      case 'crash': {
        const n = this.node(f.target);
        sim.crash(n);
        sim.log('crashed', n, { node: n.id });
        return;
      }
      case 'restart': {
        const n = this.node(f.target);
        if (n.isUp) return;
        sim.restart(n);
        sim.log('restarted', n, { node: n.id });
        return;
      }
      case 'slow': {
        const n = this.node(f.target);
        if (phase === PHASE_START) {
          n.serviceFactor = f.params.factor;
          n.latencyFactor = f.params.latencyFactor;
          this.endAfter(f, index);
        } else {
          n.serviceFactor = 1;
          n.latencyFactor = 1;
        }
        return;
      }
      case 'partition': {
        if (phase === PHASE_START) {
          const groupOf = new Int32Array(sim.nodes.length).fill(-1);
          const groups = f.params.groups;
          if (groups !== undefined && groups.length > 0) groups.forEach((g, gi) => g.forEach((id) => (groupOf[this.node(id).idx] = gi)));
          else {
            groupOf.fill(1);
            groupOf[this.node(f.target).idx] = 0;
          }
          const cut: Cut = { id: f.id, groupOf };
          sim.cuts = [...sim.cuts, cut];
          this.endAfter(f, index);
        } else sim.cuts = sim.cuts.filter((c) => c.id !== f.id);
        return;
      }
      case 'heal':
        sim.cuts = [];
        return;
      case 'link-loss': {
        const rate = f.params.rate;
        const edge = sim.edges.find((e) => e.id === f.target);
        if (edge !== undefined) edge.extraLoss = phase === PHASE_START ? rate : 0;
        else this.node(f.target).lossRate = phase === PHASE_START ? rate : 0;
        if (phase === PHASE_START) this.endAfter(f, index);
        return;
      }
      case 'pause': {
        const n = this.node(f.target);
        if (phase === PHASE_START) {
          sim.pause(n, sim.nowUs + f.params.durationMs * 1000);
          this.endAfter(f, index);
        } else sim.resume(n);
        return;
      }
      case 'scale-out': {
        const n = this.node(f.target);
        // Only application instances are cloned; a second coordinator or database would be a different design.
        if (!(n instanceof ServiceNode)) return;
        for (let k = 0; k < f.params.count; k++) {
          const clone = this.clones(n);
          sim.log('scaled-out', clone, { clone: clone.id, node: n.id });
        }
        return;
      }
      case 'scale-in':
        return this.stepScaleIn(index, phase);
      case 'rolling-deploy':
        return this.stepDeploy(index, phase);
      case 'cache-flush': {
        const n = this.node(f.target);
        if (n instanceof CacheNode) n.flush();
        return;
      }
      case 'traffic-spike': {
        for (const c of this.clientsOf(f.target)) c.spikeFactor = phase === PHASE_START ? f.params.factor : 1;
        if (phase === PHASE_START) this.endAfter(f, index);
        return;
      }
      case 'hot-key': {
        for (const c of this.clientsOf(f.target)) {
          c.hotKey = phase === PHASE_START ? f.params.key : -1;
          c.hotFraction = f.params.fraction;
        }
        if (phase === PHASE_START) this.endAfter(f, index);
        return;
      }
      case 'promote': {
        const n = this.node(f.target) as DatabaseNode;
        n.group?.promote(n);
        return;
      }
      case 'revoke':
        return this.revoke(this.paramsOf(index, 'revoke').users, f.target);
      default:
        return assertNever(f);
    }
  }

  /** The resolved parameters of fault `index`, which must be an `action`. */
  private paramsOf<A extends ResolvedFault['action']>(index: number, action: A): FaultParamsOf<A> {
    const f = this.faults[index]!;
    if (f.action !== action) throw new Error(`fault ${f.id} is a ${f.action}, not a ${action}`);
    return f.params as FaultParamsOf<A>;
  }

  /**
   * Revokes the sessions of a client's first `count` users: every service's memory and every
   * session store forget them at once; a signed token carries its own validity, so services
   * keep accepting it until it expires (ServiceNode counts those requests).
   */
  private revoke(count: number, target: string): void {
    const sim = this.sim;
    let revoked = 0;
    let asked = 0;
    for (const client of this.clientsOf(target)) {
      for (let k = 0; k < Math.min(count, client.props.users); k++) {
        asked++;
        const u = client.userBase + k;
        const gen = sim.model.userSession[u]!;
        if (!sim.model.revoke(u)) continue;
        revoked++;
        for (const n of sim.nodes) {
          if ((n instanceof ServiceNode || n instanceof SessionStoreNode) && n.sessions.get(u) === gen) n.sessions.delete(u);
        }
      }
    }
    sim.log('revoked', sim.byId.get(target), { count: revoked, none: asked - revoked, asked }, revoked);
  }

  /** A client target, or every client when the target is another kind. */
  private clientsOf(target: string): ClientNode[] {
    const n = this.node(target);
    return n instanceof ClientNode ? [n] : this.sim.nodes.filter((x): x is ClientNode => x instanceof ClientNode);
  }

  private stepScaleIn(index: number, phase: number): void {
    const sim = this.sim;
    const f = this.faults[index]!;
    const n = this.node(f.target);
    const { drain } = this.paramsOf(index, 'scale-in');
    if (phase === PHASE_START) {
      for (const lb of this.lbs()) lb.setRegistered(n, false);
      this.deploys.set(index, { nodes: [n], next: 1, batch: [n], waiting: 'drain', sinceUs: sim.nowUs });
      if (drain) return sim.scheduleFault(sim.nowUs + DRAIN_POLL_US, index, PHASE_STEP);
    } else {
      const st = this.deploys.get(index)!;
      if (!n.isIdle() && sim.nowUs - st.sinceUs < DRAIN_MAX_US) return sim.scheduleFault(sim.nowUs + DRAIN_POLL_US, index, PHASE_STEP);
    }
    n.isRemoved = true;
    sim.crash(n);
    sim.log('scaled-in', n, { node: n.id });
  }

  /** Rolling deploy over the targets of a load balancer (or one service): batch by batch. */
  private stepDeploy(index: number, phase: number): void {
    const sim = this.sim;
    const f = this.faults[index]!;
    let st = this.deploys.get(index);
    if (phase === PHASE_START) {
      const t = this.node(f.target);
      const nodes = t instanceof LoadBalancerNode ? t.targets.map((x) => x.node).filter((x) => !x.isRemoved) : [t];
      st = { nodes, next: 0, batch: [], waiting: 'start', sinceUs: sim.nowUs };
      this.deploys.set(index, st);
      return this.nextBatch(index, st);
    }
    if (st === undefined) return;
    if (st.waiting === 'handover') {
      const isHandedOver = st.batch.every((n) => !(n instanceof ServiceNode) || n.ownsNothing() || !n.isUp);
      if (!isHandedOver && sim.nowUs - st.sinceUs < DRAIN_MAX_US) return sim.scheduleFault(sim.nowUs + DRAIN_POLL_US, index, PHASE_STEP);
      return this.stopBatch(index, st);
    }
    if (st.waiting === 'drain') {
      const isIdle = st.batch.every((n) => n.isIdle() || !n.isUp);
      if (!isIdle && sim.nowUs - st.sinceUs < DRAIN_MAX_US) return sim.scheduleFault(sim.nowUs + DRAIN_POLL_US, index, PHASE_STEP);
      sim.log('drained', undefined, { nodes: st.batch.map((n) => n.id).join(', ') });
      return this.replace(index, st);
    }
    if (st.waiting === 'admit') {
      // A drained deploy takes the next batch out only once every balancer routes to this one again
      // (its health checks passed), so capacity never drops by two batches at once.
      const isAdmitted = this.lbs().every((lb) => !lb.isUp || st.batch.every((n) => lb.isRouting(n)));
      if (!isAdmitted && sim.nowUs - st.sinceUs < DRAIN_MAX_US) return sim.scheduleFault(sim.nowUs + DRAIN_POLL_US, index, PHASE_STEP);
      return this.nextBatch(index, st);
    }
    // waiting for the batch to be ready, then for the balancers to see it.
    if (!st.batch.every((n) => n.isServing())) return sim.scheduleFault(sim.nowUs + DRAIN_POLL_US, index, PHASE_STEP);
    for (const lb of this.lbs()) for (const n of st.batch) lb.setRegistered(n, true);
    if (this.paramsOf(index, 'rolling-deploy').drain) {
      st.waiting = 'admit';
      st.sinceUs = sim.nowUs;
      return sim.scheduleFault(sim.nowUs + DRAIN_POLL_US, index, PHASE_STEP);
    }
    this.nextBatch(index, st);
  }

  private nextBatch(index: number, st: DeployState): void {
    const sim = this.sim;
    const f = this.faults[index]!;
    const { batchSize: size } = this.paramsOf(index, 'rolling-deploy');
    if (st.next >= st.nodes.length) {
      sim.log('deploy-done', undefined, { fault: f.id, count: st.nodes.length });
      return;
    }
    st.batch = st.nodes.slice(st.next, st.next + size);
    st.next += size;
    st.sinceUs = sim.nowUs;
    // Owners with a controlled shutdown hand their partitions over first (each call starts its own handover).
    const handing = st.batch.map((n) => n instanceof ServiceNode && n.handOver());
    if (handing.some(Boolean)) {
      st.waiting = 'handover';
      return sim.scheduleFault(sim.nowUs + DRAIN_POLL_US, index, PHASE_STEP);
    }
    this.stopBatch(index, st);
  }

  /** Takes the batch out (draining it first when asked), then replaces it. */
  private stopBatch(index: number, st: DeployState): void {
    const sim = this.sim;
    const { drain } = this.paramsOf(index, 'rolling-deploy');
    st.sinceUs = sim.nowUs;
    if (drain) {
      for (const lb of this.lbs()) for (const n of st.batch) lb.setRegistered(n, false);
      st.waiting = 'drain';
      sim.scheduleFault(sim.nowUs + DRAIN_POLL_US, index, PHASE_STEP);
    } else this.replace(index, st);
  }

  /** Stops the batch (keeping state if checkpointed) and starts the new version. */
  private replace(index: number, st: DeployState): void {
    const sim = this.sim;
    const { drain, checkpoint, version } = this.paramsOf(index, 'rolling-deploy');
    for (const n of st.batch) {
      if (n instanceof ServiceNode) {
        n.keepsStateOnStop = checkpoint;
        if (version !== undefined) n.version = version;
      }
      sim.crash(n);
      sim.restart(n);
      sim.log('restarted.deploy', n, { node: n.id });
      if (!drain) for (const lb of this.lbs()) lb.setRegistered(n, true);
    }
    st.waiting = 'start';
    sim.scheduleFault(sim.nowUs + DRAIN_POLL_US, index, PHASE_STEP);
  }
}
