/**
 * A service instance's side of long-lived connections (connections.ts): a connect request costs a
 * handshake's work (none for a connection that existed before the run), then the instance accepts
 * it and the user's messages are pinned here. Plain functions taking the node.
 */
import { FLAG_KEY_ROUTED, FLAG_WARM_CONNECT, STATUS } from '../calls';
import { partitionOf } from '../hashing';
import type { ServiceNode } from './service';
import { STAGE_COMPUTE, T_WORK } from './serviceStages';

/** A worker took a connect request: the handshake's work, or straight to accepting a warm one. */
export function startConnect(node: ServiceNode, c: number): void {
  const sim = node.sim;
  const calls = sim.calls;
  if ((calls.flags[c]! & FLAG_WARM_CONNECT) !== 0) return acceptConnection(node, c);
  calls.stage[c] = STAGE_COMPUTE;
  sim.timer(node, Math.round(node.props.handshakeMs * 1000 * node.serviceFactor), T_WORK, c, calls.gen[c]!);
}

/**
 * Pins the user's connection here (connections.ts). A partition-aware router sent it here as the
 * owner of the user's room: a stale view (not the owner, or not recovered yet) refuses it, to be
 * retried by the client's reconnect policy. Any other instance accepts any connection.
 */
export function acceptConnection(node: ServiceNode, c: number): void {
  const calls = node.sim.calls;
  if (node.usesLeases && (calls.flags[c]! & FLAG_KEY_ROUTED) !== 0) {
    const p = partitionOf(calls.key[c]!, node.ownedEpoch.length);
    const sim = node.sim;
    if (node.ownedEpoch[p] === 0) {
      sim.noteFailure(node, STATUS.noRoute, 'failing.noRoute.stale', { partition: p });
      return node.finish(c, STATUS.noRoute);
    }
    if (sim.nowUs < node.readyAtUs[p]!) {
      sim.noteFailure(node, STATUS.down, 'failing.down.loading', { partition: p });
      return node.finish(c, STATUS.down);
    }
  }
  node.sim.model.connections?.accept(calls.user[c]!, node);
  node.finish(c, STATUS.ok);
}
