/**
 * A load balancer: picks a target per request by its policy, forwards, and relays the answer.
 * It only knows a target is dead after `unhealthyAfter` failed probes, so a dead target keeps
 * receiving traffic until detection: that window is what students measure.
 */
import type { LoadBalancerProps } from '../../../shared/nodeProps';
import { STATUS as STATUS_ } from '../calls';
import { SimNode, type Sim, type SimEdge } from '../engine';
import { HashRing, moduloPick as moduloPick_, movedFraction, partitionOf as partitionOf_ } from '../hashing';
import { C as C_ } from '../metrics/recorder';
import type { Rng } from '../rng';

// Hot imports as module-local constants (why: see engine.ts).
const STATUS = STATUS_;
const C = C_;
const moduloPick = moduloPick_;
const partitionOf = partitionOf_;

const T_PROBE = 1;
const T_OWNERS = 2;

export interface Target {
  node: SimNode;
  edge: SimEdge;
  /** The balancer's belief, from health checks. */
  isHealthy: boolean;
  /** False while drained or scaled in: the balancer was told to stop sending. */
  isRegistered: boolean;
  failedProbes: number;
  goodProbes: number;
  outstanding: number;
  weight: number;
  /** Smooth weighted round-robin state. */
  current: number;
}

export class LoadBalancerNode extends SimNode {
  readonly targets: Target[] = [];
  private active: Target[] = [];
  private ring: HashRing | null = null;
  private rr = 0;
  private readonly affinity = new Map<number, Target>();
  private readonly byNode = new Map<number, Target>();
  /** partition-aware: the (possibly stale) owner node index per partition. */
  private readonly ownerView: Int32Array;

  constructor(
    sim: Sim,
    idx: number,
    id: string,
    rng: Rng,
    readonly props: LoadBalancerProps,
  ) {
    super(sim, idx, id, 'load-balancer', rng);
    this.timeoutUs = Math.round(props.timeoutMs * 1000);
    this.ownerView = new Int32Array(sim.partitionCount).fill(-1);
  }

  /** Adds a target; targets present at t = 0 start healthy, later ones wait for a good probe. */
  addTarget(edge: SimEdge, isHealthy: boolean): void {
    const node = this.sim.nodes[edge.to]!;
    node.isLbTarget = true;
    const t: Target = { node, edge, isHealthy, isRegistered: true, failedProbes: 0, goodProbes: 0, outstanding: 0, weight: this.props.weights[node.id] ?? 1, current: 0 };
    this.targets.push(t);
    this.byNode.set(node.idx, t);
    this.refresh();
  }

  /** Drain (false) or re-admit (true) a target; a re-admitted target waits for a good probe. */
  setRegistered(node: SimNode, isRegistered: boolean): void {
    const t = this.byNode.get(node.idx);
    if (t === undefined || t.isRegistered === isRegistered) return;
    t.isRegistered = isRegistered;
    if (isRegistered) {
      t.isHealthy = false;
      t.goodProbes = 0;
    }
    this.refresh();
  }

  override start(): void {
    this.sim.timer(this, Math.round(this.props.healthCheck.intervalMs * 1000), T_PROBE);
    if (this.props.policy === 'partition-aware') this.refreshOwners();
  }

  override onRestart(): void {
    this.isReady = true;
    this.affinity.clear();
    this.start();
  }

  override onCrash(): void {
    for (const t of this.targets) t.outstanding = 0;
  }

  override onTimer(tag: number): void {
    if (tag === T_PROBE) {
      this.probe();
      this.sim.timer(this, Math.round(this.props.healthCheck.intervalMs * 1000), T_PROBE);
    } else if (tag === T_OWNERS) this.refreshOwners();
  }

  private probe(): void {
    const hc = this.props.healthCheck;
    let changed = false;
    for (const t of this.targets) {
      if (!t.isRegistered) continue;
      const isAlive = t.node.isServing() && this.sim.canReach(this.idx, t.node.idx);
      if (isAlive) {
        t.failedProbes = 0;
        t.goodProbes++;
        if (!t.isHealthy && t.goodProbes >= hc.healthyAfter) {
          t.isHealthy = true;
          changed = true;
          this.sim.log('recovered-detected', t.node, { lb: this.id, node: t.node.id });
        }
      } else {
        t.goodProbes = 0;
        t.failedProbes++;
        if (t.isHealthy && t.failedProbes >= hc.unhealthyAfter) {
          t.isHealthy = false;
          changed = true;
          this.sim.log('failure-detected', t.node, { lb: this.id, node: t.node.id, count: t.failedProbes });
        }
      }
    }
    if (changed) this.refresh();
  }

  /** Whether it sends requests to `node` (true when `node` is not one of its targets). */
  isRouting(node: SimNode): boolean {
    const t = this.byNode.get(node.idx);
    return t === undefined || (t.isHealthy && t.isRegistered);
  }

  routesTo(p: number, owner: number): boolean {
    if (this.ownerView[p] !== owner) return false;
    const t = this.byNode.get(owner);
    return t !== undefined && t.isHealthy && t.isRegistered;
  }

  private refreshOwners(): void {
    const map = this.sim.ownerMap;
    const P = this.ownerView.length;
    if (map !== null) this.ownerView.set(map);
    else for (let p = 0; p < P; p++) this.ownerView[p] = this.active.length === 0 ? -1 : this.active[p % this.active.length]!.node.idx;
    this.sim.ownership?.checkRebalance();
    this.sim.timer(this, Math.round(this.props.ownerRefreshMs * 1000), T_OWNERS);
  }

  /** Recomputes the routable set; for hash policies, measures how many keys moved. */
  private refresh(): void {
    const before = this.active;
    const beforeRing = this.ring;
    this.active = this.targets.filter((t) => t.isHealthy && t.isRegistered);
    const policy = this.props.policy;
    if (policy === 'consistent-hash') {
      this.ring = new HashRing(
        this.active.map((_, i) => i),
        this.active.map((t) => t.node.id),
        this.props.virtualNodes,
      );
    }
    if ((policy === 'hash-modulo' || policy === 'consistent-hash') && before.length > 0 && this.active.length > 0 && this.sim.nowUs > 0) {
      const pick = (list: Target[], ring: HashRing | null) => (id: number) =>
        policy === 'hash-modulo' ? list[moduloPick(id, list.length)]!.node.idx : list[ring!.lookup(id)]!.node.idx;
      const moved = movedFraction(pick(before, beforeRing), pick(this.active, this.ring));
      // A change that moves no key (a target added but not healthy yet) is no rebalance.
      if (moved > 0) {
        this.sim.rec.max(this.idx, C.keysMovedMax, moved);
        this.sim.rec.add(this.idx, C.rebalances, 1);
        this.sim.log('rebalance-done', this, { node: this.id, count: this.active.length, percent: (moved * 100).toFixed(1) }, moved);
      }
    }
    this.sim.ownership?.checkRebalance();
  }

  private routeId(c: number): number {
    const calls = this.sim.calls;
    switch (this.props.hashBy) {
      case 'user':
        return calls.user[c]!;
      case 'session':
        return (Math.imul(calls.user[c]!, 0x10001) ^ calls.session[c]!) >>> 0;
      case 'key':
        return calls.key[c]!;
    }
  }

  private choose(c: number): Target | undefined {
    const list = this.active;
    const n = list.length;
    if (n === 0) return undefined;
    const calls = this.sim.calls;
    const fromClient = this.sim.nodes[calls.from[c]!]!;
    if (this.props.policy === 'sticky' || fromClient.hasLongLivedConnections) {
      const user = calls.user[c]!;
      const t = this.affinity.get(user);
      if (t !== undefined && t.isHealthy && t.isRegistered) return t;
      const chosen = list[this.rr++ % n]!;
      this.affinity.set(user, chosen);
      return chosen;
    }
    switch (this.props.policy) {
      case 'round-robin':
        return list[this.rr++ % n];
      case 'random':
        return list[this.rng.int(n)];
      case 'least-connections': {
        const start = this.rr++ % n;
        let best = list[start]!;
        for (let k = 1; k < n; k++) {
          const t = list[(start + k) % n]!;
          if (t.outstanding < best.outstanding) best = t;
        }
        return best;
      }
      case 'weighted': {
        let total = 0;
        let best: Target | undefined;
        for (const t of list) {
          t.current += t.weight;
          total += t.weight;
          if (best === undefined || t.current > best.current) best = t;
        }
        if (best !== undefined) best.current -= total;
        return best;
      }
      case 'hash-modulo':
        return list[moduloPick(this.routeId(c), n)];
      case 'consistent-hash':
        return list[this.ring!.lookup(this.routeId(c))];
      case 'partition-aware': {
        const owner = this.ownerView[partitionOf(calls.key[c]!, this.ownerView.length)]!;
        const t = owner >= 0 ? this.byNode.get(owner) : undefined;
        return t !== undefined && t.isHealthy && t.isRegistered ? t : undefined;
      }
      default:
        return list[this.rr++ % n];
    }
  }

  override onRequest(c: number): void {
    const sim = this.sim;
    const t = this.choose(c);
    if (t === undefined) {
      sim.reply(this, c, STATUS.noRoute);
      return;
    }
    const calls = sim.calls;
    const child = sim.newCall(this, t.edge, calls.op[c]!);
    calls.parent[child] = c;
    calls.parentGen[child] = calls.gen[c]!;
    calls.key[child] = calls.key[c]!;
    calls.user[child] = calls.user[c]!;
    calls.session[child] = calls.session[c]!;
    calls.flags[child] = calls.flags[c]!;
    t.outstanding++;
    sim.rec.add(t.node.idx, C.forwardedTo, 1);
    sim.sendRequest(child);
  }

  override onResponse(child: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const t = this.byNode.get(calls.to[child]!);
    if (t !== undefined && t.outstanding > 0) t.outstanding--;
    const parent = calls.parent[child]!;
    if (calls.isServedBy(parent, calls.parentGen[child]!, this.idx)) {
      sim.reply(this, parent, calls.status[child]!);
    }
    calls.releaseByCaller(child);
  }
}
