/**
 * A service instance's sessions (`sessions`): kept in its local memory, checked in a session
 * store, or carried as signed tokens. Plain functions taking the node, called on every request
 * (no closures, no allocation).
 */
import { FLAG_LOGIN, OP, STATUS } from '../calls';
import { C } from '../metrics/recorder';
import type { ServiceNode } from './service';
import { STAGE_REFRESH, STAGE_SESSION } from './serviceStages';

/** Link speed a token's bytes travel at: 1 Gbit/s, 125 bytes per microsecond. */
const LINK_BYTES_PER_US = 125;

/**
 * Checks (or creates, on login) the session of a user's request; goes on to the instance's work
 * when it is valid, or fails the request when it is not.
 */
export function checkSession(node: ServiceNode, c: number, user: number): void {
  const sim = node.sim;
  const calls = sim.calls;
  const mode = node.props.sessions;
  if (mode === 'local-memory') {
    const gen = calls.session[c]!;
    if ((calls.flags[c]! & FLAG_LOGIN) !== 0) {
      node.sessions.set(user, gen);
      sim.rec.add(node.idx, C.sessionsCreated, 1);
    } else if (node.sessions.get(user) !== gen) {
      sim.sessionLost(node, user, gen);
      sim.noteFailure(node, STATUS.sessionLost);
      node.finish(c, STATUS.sessionLost);
      return;
    }
  } else if (mode === 'session-store' && node.missing.has('sessionStore')) {
    // Sessions live in a store that is not connected: nothing can check them.
    sim.noteFailure(node, STATUS.notWired);
    node.finish(c, STATUS.notWired);
    return;
  } else if (mode === 'session-store' && node.storeEdge !== undefined) {
    const isLogin = (calls.flags[c]! & FLAG_LOGIN) !== 0;
    node.callChild(c, node.storeEdge, isLogin ? OP.sessionPut : OP.sessionGet, STAGE_SESSION);
    if (isLogin) sim.rec.add(node.idx, C.sessionsCreated, 1);
    return;
  } else if (mode === 'signed-token') {
    return checkToken(node, c, user);
  }
  node.compute(c);
}

/**
 * A signed token is checked here, without a call: it is valid until it expires, even when its
 * session was revoked. An expired one is refreshed with a call to where refresh tokens are kept
 * (the session store, else the database), which refuses a revoked session. The token's bytes
 * travel with every request: a little latency, counted in tokenBytes.
 */
function checkToken(node: ServiceNode, c: number, user: number): void {
  const sim = node.sim;
  const calls = sim.calls;
  const model = sim.model;
  const gen = calls.session[c]!;
  if ((calls.flags[c]! & FLAG_LOGIN) !== 0) {
    model.tokenIssuedUs[user] = sim.nowUs;
    return node.compute(c);
  }
  const bytes = node.props.tokenBytes;
  sim.rec.add(node.idx, C.tokenBytes, bytes);
  if (sim.nowUs - model.tokenIssuedUs[user]! < node.props.tokenTtlMs * 1000) {
    if (model.isRevoked(user, gen)) sim.rec.add(node.idx, C.acceptedAfterRevoke, 1);
    return node.compute(c, bytes / LINK_BYTES_PER_US);
  }
  const auth = node.storeEdge ?? node.dbEdge;
  if (auth !== undefined) return node.callChild(c, auth, OP.refresh, STAGE_REFRESH);
  refreshed(node, c);
}

/** The token's refresh came back: a revoked session logs the user out, any other gets a new token. */
export function refreshed(node: ServiceNode, c: number): void {
  const sim = node.sim;
  const user = sim.calls.user[c]!;
  if (sim.model.isRevoked(user, sim.calls.session[c]!)) {
    sim.noteFailure(node, STATUS.sessionLost, 'failing.sessionLost.revoked');
    return node.finish(c, STATUS.sessionLost);
  }
  sim.model.tokenIssuedUs[user] = sim.nowUs;
  node.compute(c, node.props.tokenBytes / LINK_BYTES_PER_US);
}

/** Every session held in this instance's memory is lost (it stopped without a checkpoint). */
export function loseSessions(node: ServiceNode): void {
  let lost = 0;
  for (const [user, gen] of node.sessions) if (node.sim.sessionLost(node, user, gen)) lost++;
  node.sessions.clear();
  if (lost > 0) node.sim.log('session-lost', node, { node: node.id, count: lost }, lost);
}
