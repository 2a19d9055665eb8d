/**
 * Long-lived connections (WebSocket-style), model-wide: which instance holds each user's
 * connection. A connection is pinned to the instance that accepted it (a balancer in front keeps
 * sending its messages there), and it lives in that process: when the instance stops (crash,
 * deploy, scale-in) every connection it held drops at once, and each client hears of it after its
 * link's latency (the gateway relays the reset) and reconnects by its own policy
 * (nodes/clientConnections.ts). A pause keeps connections open: TCP outlives a GC pause.
 */
import { C, type Recorder } from './metrics/recorder';
import type { SimNode } from './node';

/** A client whose users hold connections: told when one of its users' connections dropped. */
export interface ConnectionHolder {
  /** Its users are global users [userBase, userBase + users). */
  readonly userBase: number;
  readonly users: number;
  /** The connection of `globalUser` (pin number `pin`) dropped now. */
  onConnectionDropped(globalUser: number, pin: number): void;
}

export class ConnectionTable {
  /** Per global user: index of the node holding its connection (-1: none). */
  readonly owner: Int32Array;
  /** Per global user: the number of its latest connection, so news about an older one is ignored. */
  readonly pin: Int32Array;
  /** Per global user: when its last connection dropped (-1: never dropped, or reconnected since). */
  readonly droppedAtUs: Float64Array;
  private readonly holders: ConnectionHolder[] = [];

  constructor(
    private readonly rec: Recorder,
    /** The run's nodes (the simulator's own array: clones join it). */
    private readonly nodes: readonly SimNode[],
    users: number,
  ) {
    this.owner = new Int32Array(users).fill(-1);
    this.pin = new Int32Array(users);
    this.droppedAtUs = new Float64Array(users).fill(-1);
  }

  register(holder: ConnectionHolder): void {
    this.holders.push(holder);
    this.holders.sort((a, b) => a.userBase - b.userBase);
  }

  /** `node` accepted the user's connection: it is pinned there. Returns its pin number. */
  accept(globalUser: number, node: SimNode): number {
    this.close(globalUser);
    this.owner[globalUser] = node.idx;
    node.connectionsHeld++;
    return ++this.pin[globalUser]!;
  }

  /** The user's connection, if any, is closed by its client (it is replacing it). */
  close(globalUser: number): void {
    const o = this.owner[globalUser]!;
    if (o < 0) return;
    this.owner[globalUser] = -1;
    this.nodes[o]!.connectionsHeld--;
  }

  /** `node` stopped: every connection it held drops; returns how many. */
  ownerStopped(node: SimNode, nowUs: number): number {
    if (node.connectionsHeld === 0) return 0;
    let dropped = 0;
    const owner = this.owner;
    for (const h of this.holders) {
      for (let u = h.userBase; u < h.userBase + h.users; u++) {
        if (owner[u] !== node.idx) continue;
        owner[u] = -1;
        this.droppedAtUs[u] = nowUs;
        dropped++;
        h.onConnectionDropped(u, this.pin[u]!);
      }
    }
    node.connectionsHeld = 0;
    this.rec.add(node.idx, C.connectionsDropped, dropped);
    return dropped;
  }
}
