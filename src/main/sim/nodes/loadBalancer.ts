/**
 * A load balancer: picks a target per request by its policy, forwards, and relays the answer.
 * It only knows a target is dead after `unhealthyAfter` failed probes, so a dead target keeps
 * receiving traffic until detection: that window is what students measure.
 */
import type { LoadBalancerProps } from '../../../shared/nodeProps';
import { FLAG_COLD, FLAG_KEY_ROUTED, FLAG_REPLICA_READ, OP, STATUS } from '../calls';
import { SimNode, type Sim, type SimEdge } from '../engine';
import { HashRing, moduloPick, movedFraction, partitionOf, ringPoints } from '../hashing';
import { C } from '../metrics/recorder';
import { countSuspicion } from '../detect';
import { sendProbe } from '../probes';
import type { Rng } from '../rng';
import { timerTag } from './timers';
import { FrontCache } from './frontCache';

const T_PROBE = timerTag('load-balancer', 'health check');
const T_OWNERS = timerTag('load-balancer', 'owner map refresh');

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
  /** Sequence number of the last probe sent to it. */
  probeSeq: number;
  /** The last probe has not been answered or timed out yet. */
  isProbeOpen: boolean;
  /** The target's incarnation when it was taken out (-1: never): put back in the same one, it flapped. */
  suspectedInc: number;
}

export class LoadBalancerNode extends SimNode {
  readonly targets: Target[] = [];
  private active: Target[] = [];
  /** consistent-hash: the ring of `active`, built when first needed after a change (null: not built since). */
  private ring: HashRing | null = null;
  /** consistent-hash: each target's ring points, hashed once per node id. */
  private readonly ringPointsById = new Map<string, Uint32Array>();
  private rr = 0;
  private readonly affinity = new Map<number, Target>();
  private readonly byNode = new Map<number, Target>();
  /** partition-aware: the (possibly stale) owner node index per partition. */
  private readonly ownerView: Int32Array;
  /** Its policy sends each key to the key's owner (hash by key, or partition-aware). */
  private readonly isKeyRouted: boolean;
  /** Hash by key: per key, the node it was last sent to; a key not in it was last at its owner at t = 0. */
  private readonly lastOwner = new Map<number, number>();
  /** Hash by key: the owner of a key under the routing at t = 0 (the run starts warm). */
  private initialOwner: ((key: number) => number) | null = null;
  /** A request edge to a cache: reads are looked up there first (frontCache.ts). */
  private front: FrontCache | null = null;

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
    this.isKeyRouted = props.policy === 'partition-aware' || ((props.policy === 'hash-modulo' || props.policy === 'consistent-hash') && props.hashBy === 'key');
  }

  /** Adds a target; targets present at t = 0 start healthy, later ones wait for a good probe. */
  addTarget(edge: SimEdge, isHealthy: boolean): void {
    const node = this.sim.nodes[edge.to]!;
    if (node.kind === 'cache') {
      this.front ??= new FrontCache(this.sim, this, edge);
      return;
    }
    node.isLbTarget = true;
    const t: Target = { node, edge, isHealthy, isRegistered: true, failedProbes: 0, goodProbes: 0, outstanding: 0, weight: this.props.weights[node.id] ?? 1, current: 0, probeSeq: 0, isProbeOpen: false, suspectedInc: -1 };
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
    if (this.initialOwner === null && this.isKeyRouted && this.props.policy !== 'partition-aware') {
      const list = this.active.slice();
      const ring = this.props.policy === 'consistent-hash' ? this.activeRing() : null;
      const policy = this.props.policy;
      this.initialOwner = (key) => (list.length === 0 ? -1 : policy === 'hash-modulo' ? list[moduloPick(key, list.length)]!.node.idx : list[ring!.lookup(key)]!.node.idx);
    }
    this.sim.timer(this, Math.round(this.props.healthCheck.intervalMs * 1000), T_PROBE);
    if (this.props.policy === 'partition-aware') this.refreshOwners();
  }

  override onRestart(): void {
    this.isReady = true;
    this.affinity.clear();
    this.start();
  }

  override onCrash(): void {
    for (const t of this.targets) {
      t.outstanding = 0;
      t.isProbeOpen = false;
    }
  }

  override onTimer(tag: number): void {
    if (tag === T_PROBE) {
      this.probe();
      this.sim.timer(this, Math.round(this.props.healthCheck.intervalMs * 1000), T_PROBE);
    } else if (tag === T_OWNERS) this.refreshOwners();
  }

  /** Probes every registered target; an answer must be back within the probe timeout (at most the interval). */
  private probe(): void {
    const hc = this.props.healthCheck;
    const timeoutUs = Math.round(Math.min(hc.timeoutMs, hc.intervalMs) * 1000);
    this.targets.forEach((t, slot) => {
      if (!t.isRegistered) return;
      if (t.isProbeOpen) this.onProbeResult(slot, t.probeSeq, false);
      t.probeSeq++;
      t.isProbeOpen = true;
      sendProbe(this.sim, this, t.node, t.edge, slot, t.probeSeq, timeoutUs);
    });
  }

  override onProbeResult(slot: number, seq: number, isAlive: boolean): void {
    const t = this.targets[slot];
    if (t === undefined || seq !== t.probeSeq || !t.isProbeOpen) return;
    t.isProbeOpen = false;
    if (!t.isRegistered) return;
    const hc = this.props.healthCheck;
    let changed = false;
    if (isAlive) {
      t.failedProbes = 0;
      t.goodProbes++;
      if (!t.isHealthy && t.goodProbes >= hc.healthyAfter) {
        t.isHealthy = true;
        changed = true;
        // Put back without having restarted: taken out while it was only slow or paused.
        if (t.suspectedInc === t.node.incarnation) this.sim.rec.add(t.node.idx, C.flaps, 1);
        this.sim.log('recovered-detected', t.node, { lb: this.id, node: t.node.id });
      }
    } else {
      t.goodProbes = 0;
      t.failedProbes++;
      if (t.isHealthy && t.failedProbes >= hc.unhealthyAfter) {
        t.isHealthy = false;
        changed = true;
        // A dead node comes back by a restart, which is no flap.
        t.suspectedInc = t.node.isUp ? t.node.incarnation : -1;
        const isFalse = countSuspicion(this.sim, this, t.node, Math.round(hc.intervalMs * hc.unhealthyAfter * 1000));
        this.sim.log(isFalse ? 'failure-detected.false-suspicion' : 'failure-detected', t.node, { lb: this.id, node: t.node.id, count: t.failedProbes });
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
    const map = this.sim.model.ownerMap;
    const P = this.ownerView.length;
    // The map comes from the coordinator: a router a network partition cuts off from it keeps the last map it read.
    const coordinator = this.sim.model.coordinatorIdx;
    const isCutOff = coordinator >= 0 && this.sim.cuts.length > 0 && !this.sim.canReach(this.idx, coordinator);
    if (map !== null) {
      if (!isCutOff) this.ownerView.set(map);
    } else for (let p = 0; p < P; p++) this.ownerView[p] = this.active.length === 0 ? -1 : this.active[p % this.active.length]!.node.idx;
    this.sim.model.ownership?.checkRebalance();
    this.sim.timer(this, Math.round(this.props.ownerRefreshMs * 1000), T_OWNERS);
  }

  /** Recomputes the routable set; for hash policies, measures how many keys moved. */
  private refresh(): void {
    const before = this.active;
    const beforeRing = this.ring;
    this.active = this.targets.filter((t) => t.isHealthy && t.isRegistered);
    const policy = this.props.policy;
    // Built when next needed: the targets added one by one at build time cost one ring, not one each.
    if (policy === 'consistent-hash') this.ring = null;
    if ((policy === 'hash-modulo' || policy === 'consistent-hash') && before.length > 0 && this.active.length > 0 && this.sim.nowUs > 0) {
      const isRing = policy === 'consistent-hash';
      const pick = (list: Target[], ring: HashRing | null) => (id: number) =>
        policy === 'hash-modulo' ? list[moduloPick(id, list.length)]!.node.idx : list[ring!.lookup(id)]!.node.idx;
      const moved = movedFraction(pick(before, isRing ? (beforeRing ?? this.ringOf(before)) : null), pick(this.active, isRing ? this.activeRing() : null));
      // A change that moves no key (a target added but not healthy yet) is no rebalance.
      if (moved > 0) {
        this.sim.rec.max(this.idx, C.keysMovedMax, moved);
        this.sim.rec.add(this.idx, C.rebalances, 1);
        this.sim.log('rebalance-done', this, { node: this.id, count: this.active.length, percent: (moved * 100).toFixed(1) }, moved);
      }
    }
    this.sim.model.ownership?.checkRebalance();
  }

  /** The ring of a target list (members are its indices), from each target's points hashed once. */
  private ringOf(list: readonly Target[]): HashRing {
    const V = this.props.virtualNodes;
    const points = list.map((t) => {
      let p = this.ringPointsById.get(t.node.id);
      if (p === undefined) this.ringPointsById.set(t.node.id, (p = ringPoints(t.node.id, V)));
      return p;
    });
    return new HashRing(
      list.map((_, i) => i),
      list.map((t) => t.node.id),
      V,
      points,
    );
  }

  private activeRing(): HashRing {
    return (this.ring ??= this.ringOf(this.active));
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
    // On a connection, health checks do not matter: the connection is there or it is gone.
    const pinned = this.pinned(c);
    if (pinned !== undefined) return pinned ?? undefined;
    const list = this.active;
    const n = list.length;
    if (n === 0) return undefined;
    const calls = this.sim.calls;
    if (this.props.policy === 'sticky') {
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
        // Open long-lived connections count as connections too.
        const start = this.rr++ % n;
        let best = list[start]!;
        for (let k = 1; k < n; k++) {
          const t = list[(start + k) % n]!;
          if (t.outstanding + t.node.connectionsHeld < best.outstanding + best.node.connectionsHeld) best = t;
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
        return list[this.activeRing().lookup(this.routeId(c))];
      case 'partition-aware': {
        const owner = this.ownerView[partitionOf(calls.key[c]!, this.ownerView.length)]!;
        const t = owner >= 0 ? this.byNode.get(owner) : undefined;
        const isUp = (x: Target | undefined): x is Target => x !== undefined && x.isHealthy && x.isRegistered;
        if (!isUp(t)) return undefined;
        if (!this.props.replicaReads || calls.op[c] !== OP.read) return t;
        // Reads spread over the owner and the instances it replicates to.
        const holders = [t, ...t.node.replOut.map((e) => this.byNode.get(e.to)).filter(isUp)];
        return holders[this.rr++ % holders.length];
      }
      default:
        return list[this.rr++ % n];
    }
  }

  /**
   * A message on a long-lived connection travels to the instance holding the connection (null: the
   * connection is gone; undefined: not such a message, or the instance is none of this balancer's).
   */
  private pinned(c: number): Target | null | undefined {
    const conns = this.sim.model.connections;
    const calls = this.sim.calls;
    if (conns === null || calls.op[c] === OP.connect || !this.sim.nodes[calls.from[c]!]!.hasLongLivedConnections) return undefined;
    const owner = conns.owner[calls.user[c]!]!;
    return owner < 0 ? null : this.byNode.get(owner);
  }

  override onRequest(c: number): void {
    const sim = this.sim;
    if (this.front !== null && this.front.lookup(c, this.pinned(c) !== undefined)) return;
    const t = this.choose(c);
    if (t === undefined) {
      if (sim.failureStarts(this, STATUS.noRoute)) this.logNoRoute(c);
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
    // What an upstream balancer said about ownership is not this balancer's routing.
    calls.flags[child] = calls.flags[c]! & ~(FLAG_KEY_ROUTED | FLAG_COLD);
    // A message on a connection went where the connection is, not by its key.
    if (this.isKeyRouted && this.pinned(c) === undefined) calls.flags[child] |= FLAG_KEY_ROUTED | this.coldFlag(calls.key[c]!, t.node.idx);
    if (this.props.replicaReads && this.props.policy === 'partition-aware' && t.node.idx !== this.ownerView[partitionOf(calls.key[c]!, this.ownerView.length)]) calls.flags[child] |= FLAG_REPLICA_READ;
    t.outstanding++;
    sim.rec.add(t.node.idx, C.forwardedTo, 1);
    sim.sendRequest(child);
  }

  /** Logs why this balancer found nowhere to send request `c` (it starts failing requests as "no route"). */
  private logNoRoute(c: number): void {
    const sim = this.sim;
    if (this.pinned(c) === null) return sim.logFailing(this, STATUS.noRoute, 'failing.noRoute.connection-gone');
    if (this.props.policy === 'partition-aware' && this.pinned(c) === undefined) {
      const partition = partitionOf(sim.calls.key[c]!, this.ownerView.length);
      const owner = this.ownerView[partition]!;
      if (owner < 0) return sim.logFailing(this, STATUS.noRoute, 'failing.noRoute.unowned', { partition });
      return sim.logFailing(this, STATUS.noRoute, 'failing.noRoute.owner-unhealthy', { partition, owner: sim.nodes[owner]!.id });
    }
    sim.logFailing(this, STATUS.noRoute);
  }

  /**
   * Moving state is not free: FLAG_COLD when a key goes to another node than the one it was last
   * sent to (a rebalance moved it), so the new owner loads it. Partition-aware routing moves whole
   * partitions, whose state the owners recover on taking them over (ServiceNode.updateBelief).
   */
  private coldFlag(key: number, to: number): number {
    if (this.initialOwner === null) return 0;
    const last = this.lastOwner.get(key) ?? this.initialOwner(key);
    if (last === to) return 0;
    this.lastOwner.set(key, to);
    return FLAG_COLD;
  }

  override onResponse(child: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    if (this.front !== null && this.front.answered(child, (c) => this.onRequest(c))) return;
    const t = this.byNode.get(calls.to[child]!);
    if (t !== undefined && t.outstanding > 0) t.outstanding--;
    const parent = calls.parent[child]!;
    if (calls.isServedBy(parent, calls.parentGen[child]!, this.idx)) {
      this.front?.served(parent, calls.status[child]!);
      sim.reply(this, parent, calls.status[child]!);
    }
    calls.releaseByCaller(child);
  }
}
