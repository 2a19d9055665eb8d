/**
 * A service instance as a partition owner (`ownsPartitions`): with a coordinator it holds leases
 * and believes it owns the partitions the newest assignment it heard of gives it (recovering their
 * state first, from a replica or the database); without one, partitions are spread statically over
 * the owners behind a balancer. A request for a key it does not own is forwarded to the owner or
 * failed. A planned stop with controlledShutdown hands its partitions over first. Plain functions
 * taking the node; the ones on the request path allocate nothing.
 */
import { FLAG_COLD, FLAG_FORWARDED, FLAG_KEY_ROUTED, FLAG_REPLICA_READ, OP, STATUS } from '../calls';
import type { SimEdge } from '../engine';
import { partitionOf } from '../hashing';
import { T_RELEASED } from '../leases';
import { C, type Recorder } from '../metrics/recorder';
import { CoordinatorNode } from './coordinator';
import type { ServiceNode } from './service';
import { STAGE_FORWARD, STAGE_LOAD, T_RENEW } from './serviceStages';

/** Loading a partition from a live replica: a short, fixed catch-up. */
const REPLICA_RECOVERY_US = 20_000;

/**
 * The owner's part of a request's data step: true when it answered the request here (served it
 * from memory, refused it, forwarded it or started loading its key), false when the request goes
 * on to the nodes behind the instance.
 */
export function servedAsOwner(node: ServiceNode, c: number, op: number): boolean {
  const sim = node.sim;
  const calls = sim.calls;
  if (node.usesLeases) {
    const p = partitionOf(calls.key[c]!, node.ownedEpoch.length);
    const epoch = node.ownedEpoch[p]!;
    if (epoch === 0) {
      // A read sent to a replica of the owner is served from the replica (it may be a little behind).
      if ((calls.flags[c]! & FLAG_REPLICA_READ) !== 0 && op === OP.read && node.props.state === 'stateful') node.finish(c, STATUS.ok);
      // A partition-aware router that sent it here has a stale view: fail fast so it is retried
      // once the router has caught up (a second guess from this instance's view could be as stale).
      else if ((calls.flags[c]! & FLAG_KEY_ROUTED) !== 0) {
        sim.noteFailure(node, STATUS.noRoute, 'failing.noRoute.stale', { partition: p });
        node.finish(c, STATUS.noRoute);
      } else notOwner(node, c, node.beliefVersion < 0 ? -1 : sim.model.ownership!.versions[node.beliefVersion]!.ownerMap[p]!);
      return true;
    }
    if (node.isUnrecoverable[p] === 1) {
      sim.noteFailure(node, STATUS.notWired, 'failing.notWired.replica', { partition: p });
      node.finish(c, STATUS.notWired);
      return true;
    }
    if (sim.nowUs < node.readyAtUs[p]!) {
      sim.noteFailure(node, STATUS.down, 'failing.down.loading', { partition: p });
      node.finish(c, STATUS.down);
      return true;
    }
    calls.epoch[c] = epoch;
    if (node.props.state === 'stateful' && op === OP.read) {
      node.finish(c, STATUS.ok);
      return true;
    }
  } else if (node.props.state === 'stateful') {
    const flags = calls.flags[c]!;
    if ((flags & (FLAG_KEY_ROUTED | FLAG_FORWARDED)) === 0) {
      // Not routed by key: the key may belong to another owner of the tier.
      const owner = staticOwner(node, partitionOf(calls.key[c]!, node.ownedEpoch.length));
      if (owner !== node.idx) {
        notOwner(node, c, owner);
        return true;
      }
    }
    const loadEdge = node.cacheEdge ?? node.dbEdge;
    if ((flags & FLAG_COLD) !== 0 && loadEdge !== undefined && calls.stage[c] !== STAGE_LOAD) {
      // The key moved here: its state is loaded before it is served, through the cache behind
      // this owner (which misses it too: it never held it for this owner), else from the database.
      node.callChild(c, loadEdge, OP.read, STAGE_LOAD);
      return true;
    }
    if ((flags & FLAG_COLD) === 0) sim.rec.add(node.idx, C.warmReads, 1);
    if (op === OP.read) {
      node.finish(c, STATUS.ok);
      return true;
    }
  }
  return false;
}

/**
 * Owners own: a request for a key another instance owns is forwarded there (an extra hop) or
 * failed as "wrong owner", per `nonOwner`; never answered from this instance's memory.
 */
function notOwner(node: ServiceNode, c: number, owner: number): void {
  const sim = node.sim;
  const calls = sim.calls;
  const isForwarded = (calls.flags[c]! & FLAG_FORWARDED) !== 0;
  const isForwardable = node.props.nonOwner === 'forward' && owner >= 0 && owner !== node.idx && !isForwarded;
  if (!isForwardable) {
    const status = node.usesLeases && owner < 0 ? STATUS.noRoute : STATUS.wrongOwner;
    if (sim.failureStarts(node, status)) {
      const partition = partitionOf(calls.key[c]!, node.ownedEpoch.length);
      if (status === STATUS.noRoute) sim.logFailing(node, status, 'failing.noRoute.unowned', { partition });
      else if (isForwarded) sim.logFailing(node, status, 'failing.wrongOwner.forwarded', { partition });
      else if (owner >= 0 && owner !== node.idx) sim.logFailing(node, status, 'failing.wrongOwner.owner', { partition, owner: sim.nodes[owner]!.id });
      else sim.logFailing(node, status, undefined, { partition });
    }
    return node.finish(c, status);
  }
  node.callChild(c, peerEdge(node, owner), calls.op[c]!, STAGE_FORWARD);
}

/** The link to another owner, made on first use with the latency of the link requests reach this instance by. */
function peerEdge(node: ServiceNode, owner: number): SimEdge {
  let e = node.peerEdges.get(owner);
  if (e !== undefined) return e;
  const via = node.inbound[0];
  const peer = node.sim.nodes[owner]!;
  e = node.sim.addEdge({ id: `${node.id}>${peer.id}`, from: node.idx, to: owner, kind: 'request', latUs: via?.latUs ?? 1000, jitterUs: via?.jitterUs ?? 0, lossRate: 0, isPeer: true });
  // Not a design edge: kept out of out/inbound so routing and wiring never see it.
  node.out.splice(node.out.indexOf(e), 1);
  peer.inbound.splice(peer.inbound.indexOf(e), 1);
  node.peerEdges.set(owner, e);
  return e;
}

/**
 * Without a coordinator, partitions are spread over the owners a balancer in front sends to, in
 * its order (clones last): partition p belongs to owner p mod n. This instance when it has no peers.
 */
function staticOwner(node: ServiceNode, p: number): number {
  const nodes = node.sim.nodes;
  const lbEdge = node.inbound.find((e) => nodes[e.from]!.kind === 'load-balancer');
  if (lbEdge === undefined) return node.idx;
  const peers: number[] = [];
  for (const e of nodes[lbEdge.from]!.out) {
    const n = nodes[e.to]!;
    // Every node of kind 'service' is a ServiceNode (build.ts).
    if (n.kind === 'service' && (n as ServiceNode).props.ownsPartitions && !n.isRemoved) peers.push(n.idx);
  }
  return peers.length === 0 ? node.idx : peers[p % peers.length]!;
}

/** Asks the coordinator to renew its leases; the answer carries the current assignment. */
export function renew(node: ServiceNode): void {
  const sim = node.sim;
  const c = sim.newCall(node, node.coordinatorEdge!, OP.lease);
  sim.sendRequest(c);
}

/** Schedules the next lease renewal. */
export function renewSoon(node: ServiceNode, delayUs: number): void {
  node.sim.timer(node, delayUs, T_RENEW);
}

export function renewEveryUs(node: ServiceNode): number {
  return Math.max(1000, Math.round(node.sim.model.leaseTtlUs / 3));
}

/**
 * A handover (leases.ts): release or take what the coordinator's new assignment says, then
 * answer; news older than what a renewal already told it changes nothing.
 */
export function onLeaseNews(node: ServiceNode, version: number): void {
  if (version >= node.beliefVersion) updateBelief(node, version);
  const edge = node.coordinatorEdge!;
  node.sim.timer(node.sim.nodes[edge.to]!, edge.latUs, T_RELEASED, node.idx);
}

/** Syncs belief with an assignment version of the coordinator (what a renewal answer said). */
export function updateBelief(node: ServiceNode, version: number, isWarm = false): void {
  const sim = node.sim;
  const own = sim.model.ownership!;
  if (version > node.beliefVersion) node.beliefVersion = version;
  const v = own.versions[version]!;
  for (let p = 0; p < own.partitions; p++) {
    const isMine = v.ownerMap[p] === node.idx;
    const had = node.ownedEpoch[p]!;
    if (isMine && had !== v.epoch[p]) {
      if (had === 0) {
        own.changeBelief(p, 1);
        node.readyAtUs[p] = sim.nowUs + (isWarm ? 0 : recoveryUs(node));
        node.isUnrecoverable[p] = 0;
        // Taken over (not the first assignment at t = 0) with no replica wired: nothing to recover from.
        if (node.missing.has('replica') && sim.nowUs > 0) {
          node.isUnrecoverable[p] = 1;
          sim.log('not-wired.replica', node, { node: node.id, partition: p });
        }
        // Taken over (not the first assignment, not a warm hand-over) from nothing: serving at once is
        // what recovering from nothing buys, and what the old owner held in memory is what it costs.
        if (node.props.recoverFrom === 'none' && !isWarm && sim.nowUs > 0) sim.rec.add(node.idx, C.partitionsLost, 1);
        const failedAt = own.failedAtUs[p]!;
        // A partition that cannot be recovered is not back: no recovery time to count.
        if (failedAt >= 0 && node.isUnrecoverable[p] === 1) own.failedAtUs[p] = -1;
        else if (failedAt >= 0) {
          sim.rec.add(node.idx, C.recoverySumUs, node.readyAtUs[p]! - failedAt);
          sim.rec.add(node.idx, C.recoveryCount, 1);
          own.failedAtUs[p] = -1;
        }
      }
      node.ownedEpoch[p] = v.epoch[p]!;
    } else if (!isMine && had !== 0) {
      own.changeBelief(p, -1);
      node.ownedEpoch[p] = 0;
    }
  }
  own.checkRebalance();
}

function recoveryUs(node: ServiceNode): number {
  switch (node.props.recoverFrom) {
    case 'replica':
      return REPLICA_RECOVERY_US;
    case 'database':
      return Math.round(node.props.stateLoadMs * 1000);
    case 'none':
      return 0;
  }
}

/**
 * A planned stop with controlledShutdown: asks the coordinator to move its partitions to the
 * other owners (they are granted them once it has released). False when it has nothing to hand over.
 */
export function handOver(node: ServiceNode): boolean {
  if (!node.props.controlledShutdown || !node.usesLeases || !node.isUp || ownsNothing(node)) return false;
  const coordinator = node.sim.nodes[node.coordinatorEdge!.to]!;
  if (!(coordinator instanceof CoordinatorNode) || !coordinator.isUp) return false;
  node.isLeaving = coordinator.leave(node);
  return node.isLeaving;
}

/** True when it believes it owns no partition. */
export function ownsNothing(node: ServiceNode): boolean {
  return node.ownedEpoch.every((e) => e === 0);
}

/** Drops ownership beliefs (on stop). */
export function forgetOwnership(node: ServiceNode): void {
  const own = node.sim.model.ownership;
  if (own === null) return;
  for (let p = 0; p < node.ownedEpoch.length; p++) {
    if (node.ownedEpoch[p] !== 0) {
      own.changeBelief(p, -1);
      node.ownedEpoch[p] = 0;
    }
  }
  own.checkRebalance();
}

/** The gauges of what it owns: how many partitions, and the highest epoch it holds one with. */
export function sampleOwnership(node: ServiceNode, rec: Recorder): void {
  let owned = 0;
  let epochMax = 0;
  for (let p = 0; p < node.ownedEpoch.length; p++) {
    const e = node.ownedEpoch[p]!;
    if (e !== 0) owned++;
    if (e > epochMax) epochMax = e;
  }
  rec.set(node.idx, C.ownedPartitions, owned);
  rec.set(node.idx, C.ownedEpochMax, epochMax);
}
