/**
 * A client's long-lived connections (`connection: long-lived`): every user holds one connection,
 * opened through the client's entry point to the instance the balancer picks, and sends its
 * messages over it (the balancer keeps them on that instance; connections.ts). A user belongs to
 * one room (a key), which all its messages carry. The connections exist before the run: at t = 0
 * every user connects without a handshake's cost. A later connection (a reconnect, or a user's first
 * after its client restarted) is a new TCP connection through the entry point, so it pays the
 * scenario's lost openings (`handshakeLoss`, noise.ts) as a health probe does: an opening the network
 * loses is sent again after TCP's retry wait (1 s, doubling), and an attempt that waits past the
 * client's timeout fails and is retried by the policy. When a connection drops, the client hears of it
 * after its link's latency and reconnects by its policy:
 * - immediate: at once (after 1 ms, a new TCP connection's minimum), and again at once on failure;
 * - backoff: after reconnectBaseMs, doubling per failed attempt up to reconnectMaxMs, on the same
 *   schedule for every user, so users dropped together retry together;
 * - backoff-jitter: after a uniformly random wait up to that backoff ("full jitter").
 * A message sent while its user has no connection waits for one, until the client's timeout
 * (measured from when the attempt was issued) runs out: then it fails as a timeout (client.ts holdBack).
 */
import { FLAG_WARM_CONNECT, OP, STATUS } from '../calls';
import type { ConnectionHolder, ConnectionTable } from '../connections';
import { C } from '../metrics/recorder';
import { Rng, ZipfSampler } from '../rng';
import type { ClientNode } from './client';
import { timerTag } from './timers';

export const T_CONNECT_ALL = timerTag('client', 'open connections');
export const T_RECONNECT = timerTag('client', 'reconnect');
export const T_DROPPED = timerTag('client', 'connection dropped');

const NONE = 0;
const CONNECTING = 1;
const CONNECTED = 2;
const WAITING = 3;
/** calls.stage of a message waiting at its client for a connection (client.ts: 1 is waiting for a login). */
const STAGE_PARKED = 2;
/** The least time a new connection takes to be tried (no reconnect loop at one instant). */
const RECONNECT_MIN_US = 1000;

export class ClientConnections implements ConnectionHolder {
  readonly userBase: number;
  readonly users: number;
  /** Per user (local index): its room, the key all its messages carry. */
  readonly room: Int32Array;
  private readonly state: Uint8Array;
  /** Per user: the pin number of the connection it holds (connections.ts), 0: none yet. */
  private readonly pinOf: Int32Array;
  /** Per user: failed connection attempts since its connection dropped. */
  private readonly attempts: Uint8Array;
  /** Per user: messages [call, gen, ...] waiting for a connection. */
  private readonly parked = new Map<number, number[]>();
  /** Jitter draws, on a stream of their own so the workload is the same whatever the policy. */
  private readonly jitterRng: Rng;

  constructor(
    private readonly client: ClientNode,
    private readonly table: ConnectionTable,
  ) {
    const p = client.props;
    this.userBase = client.userBase;
    this.users = p.users;
    this.state = new Uint8Array(p.users);
    this.pinOf = new Int32Array(p.users);
    this.attempts = new Uint8Array(p.users);
    this.room = new Int32Array(p.users);
    const roomRng = client.sim.rngFor(`${client.id}#rooms`);
    const zipf = p.keys.distribution === 'zipf' && p.keys.skew > 0 ? new ZipfSampler(p.keys.count, p.keys.skew) : null;
    for (let u = 0; u < p.users; u++) this.room[u] = zipf !== null ? zipf.sample(roomRng) : roomRng.int(p.keys.count);
    this.jitterRng = client.sim.rngFor(`${client.id}#reconnect`);
    table.register(this);
  }

  /** At t = 0, after every node started: each user's connection already exists (no handshake). */
  start(): void {
    this.client.sim.timer(this.client, 0, T_CONNECT_ALL);
  }

  onTimer(tag: number, a: number, b: number): boolean {
    if (tag === T_CONNECT_ALL) {
      for (let u = 0; u < this.users; u++) this.connect(u, true);
    } else if (tag === T_RECONNECT) {
      if (this.state[a] === WAITING) this.connect(a, false);
    } else if (tag === T_DROPPED) {
      if (this.state[a] === CONNECTED && this.pinOf[a] === b) this.dropped(a);
    } else return false;
    return true;
  }

  private connect(user: number, isWarm: boolean): void {
    const client = this.client;
    const sim = client.sim;
    const edge = client.out[0];
    this.state[user] = CONNECTING;
    if (edge === undefined) return this.failed(user);
    const c = sim.newCall(client, edge, OP.connect);
    const calls = sim.calls;
    calls.t0Us[c] = sim.nowUs;
    calls.user[c] = this.userBase + user;
    calls.key[c] = this.room[user]!;
    if (isWarm) calls.flags[c] = FLAG_WARM_CONNECT;
    // A new connection's opening may be lost and sent again (its timeout runs from now, as a real connect's does).
    sim.sendRequest(c, !isWarm && sim.handshakeUs !== null ? sim.handshakeUs(edge) : 0);
  }

  /** The answer to a connection attempt (the client releases the call). */
  onConnectAnswer(c: number): void {
    const sim = this.client.sim;
    const calls = sim.calls;
    const g = calls.user[c]!;
    const user = g - this.userBase;
    // Accepted, and still held: a connection that dropped before its answer arrived is no connection.
    if (calls.status[c] === STATUS.ok && this.table.owner[g]! >= 0) {
      const rec = sim.rec;
      const droppedAt = this.table.droppedAtUs[g]!;
      if (droppedAt >= 0) {
        rec.add(this.client.idx, C.reconnects, 1);
        rec.add(this.client.idx, C.reconnectWaitSumUs, sim.nowUs - droppedAt);
        this.table.droppedAtUs[g] = -1;
      }
      this.state[user] = CONNECTED;
      this.pinOf[user] = this.table.pin[g]!;
      this.attempts[user] = 0;
      this.release(user);
      return;
    }
    // A late acceptance after the client gave up on the attempt: the client closes it.
    this.table.close(g);
    if (this.state[user] === CONNECTING) this.failed(user);
  }

  private failed(user: number): void {
    this.client.sim.rec.add(this.client.idx, C.connectFailed, 1);
    this.attempts[user] = Math.min(30, this.attempts[user]! + 1);
    this.schedule(user);
  }

  /** The table says the connection dropped: the client hears of it after its link's latency. */
  onConnectionDropped(globalUser: number, pin: number): void {
    const client = this.client;
    client.sim.timer(client, client.out[0]?.latUs ?? 0, T_DROPPED, globalUser - this.userBase, pin);
  }

  private dropped(user: number): void {
    this.attempts[user] = 0;
    this.schedule(user);
  }

  private schedule(user: number): void {
    this.state[user] = WAITING;
    this.client.sim.timer(this.client, this.reconnectDelayUs(this.attempts[user]!), T_RECONNECT, user);
  }

  /** The wait before a (re)connection attempt after `failures` failed ones. */
  private reconnectDelayUs(failures: number): number {
    const p = this.client.props;
    if (p.reconnect === 'immediate') return RECONNECT_MIN_US;
    const capUs = Math.min(p.reconnectMaxMs, p.reconnectBaseMs * 2 ** failures) * 1000;
    const us = p.reconnect === 'backoff' ? capUs : this.jitterRng.next() * capUs;
    return Math.max(RECONNECT_MIN_US, Math.round(us));
  }

  /** Whether message `c` of `user` (local) can go now; if not it waits for the user's connection. */
  mayGo(c: number, user: number): boolean {
    if (this.state[user] === CONNECTED) return true;
    const sim = this.client.sim;
    const calls = sim.calls;
    calls.stage[c] = STAGE_PARKED;
    const list = this.parked.get(user);
    if (list === undefined) this.parked.set(user, [c, calls.gen[c]!]);
    else list.push(c, calls.gen[c]!);
    // Its timeout runs on (or from now, when it is issued now); running out, it gives up (client onGaveUpWaiting).
    this.client.holdBack(c);
    if (this.state[user] === NONE) this.connect(user, false);
    return false;
  }

  /** The user is connected: its waiting messages go now. */
  private release(user: number): void {
    const list = this.parked.get(user);
    if (list === undefined) return;
    this.parked.delete(user);
    const calls = this.client.sim.calls;
    for (let k = 0; k < list.length; k += 2) {
      const c = list[k]!;
      if (!calls.isValid(c, list[k + 1]!) || calls.stage[c] !== STAGE_PARKED) continue;
      calls.stage[c] = 0;
      this.client.transmitIssued(c);
    }
  }

  /** The client population itself stopped: its users' connections are closed. */
  reset(): void {
    for (let u = 0; u < this.users; u++) this.table.close(this.userBase + u);
    this.state.fill(NONE);
    this.parked.clear();
  }
}
