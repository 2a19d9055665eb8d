/**
 * Model-wide state that no single node owns: partition ownership and the owner map balancers
 * read, the lease TTL, each database's current leader, and the users' sessions. build.ts creates
 * it; nodes reach it as `sim.model`.
 */
import { C, type Recorder } from './metrics/recorder';
import type { ConnectionTable } from './connections';
import type { Ownership } from './ownership';

export class ModelState {
  /** Partition ownership when the graph has a coordinator. */
  ownership: Ownership | null = null;
  /** The coordinator's node index (-1: none); a router cut off from it reads no new owner map. */
  coordinatorIdx = -1;
  /** The coordinator's owner map, read by partition-aware balancers (null: none). */
  ownerMap: Int32Array | null = null;
  /** Partition owners load their state before serving at t = 0 (the scenario's isColdStart); otherwise they start warm. */
  isColdStart = false;
  /** Long-lived connections, when a client keeps them (null: none). */
  connections: ConnectionTable | null = null;
  /** Lease TTL of the coordinator (renewal interval is a third of it). */
  leaseTtlUs = 3_000_000;
  /** Resolves a database node to the current leader of its replication group. */
  databaseLeader: (nodeIdx: number) => number = (i) => i;
  /** Per global user, the session generation already counted as lost (dedupes sessionsLost). */
  readonly sessionLostGen: Int32Array;
  /** Per global user, the session the user currently holds (set when a login succeeds). */
  readonly userSession: Int32Array;
  /** Per global user, the session generation revoked (0: none). */
  readonly revokedGen: Int32Array;
  /** Per global user, when its current signed token was issued (or last refreshed). */
  readonly tokenIssuedUs: Float64Array;
  /** Per global user, 1 once the user lost a session or saw a failed request (usersAffected). */
  readonly isAffected: Uint8Array;

  constructor(
    private readonly rec: Recorder,
    users: number,
    /** Some service keeps sessions server-side (local memory or a session store). */
    readonly hasServerSessions: boolean,
  ) {
    this.sessionLostGen = new Int32Array(users);
    this.userSession = new Int32Array(users);
    this.revokedGen = new Int32Array(users);
    this.tokenIssuedUs = new Float64Array(users);
    this.isAffected = new Uint8Array(users);
  }

  /** Revokes the session the user holds (false: none); a revoked session is not counted as lost. */
  revoke(globalUser: number): boolean {
    const gen = this.userSession[globalUser]!;
    if (gen === 0) return false;
    this.revokedGen[globalUser] = gen;
    this.sessionLostGen[globalUser] = gen;
    return true;
  }

  /** Whether the session `gen` of the user was revoked. */
  isRevoked(globalUser: number, gen: number): boolean {
    return gen !== 0 && this.revokedGen[globalUser] === gen;
  }

  /** The user felt a failure (a lost session or a failed request): counted once per user per run. */
  userAffected(nodeIdx: number, globalUser: number): void {
    if (globalUser < 0 || globalUser >= this.isAffected.length || this.isAffected[globalUser] !== 0) return;
    this.isAffected[globalUser] = 1;
    this.rec.add(nodeIdx, C.usersAffected, 1);
  }

  /** A session the user still held is gone; counted once per (user, session) at node `nodeIdx`. */
  sessionLost(nodeIdx: number, globalUser: number, gen: number): boolean {
    if (gen === 0 || this.userSession[globalUser] !== gen || this.sessionLostGen[globalUser] === gen) return false;
    this.sessionLostGen[globalUser] = gen;
    this.rec.add(nodeIdx, C.sessionsLost, 1);
    this.userAffected(nodeIdx, globalUser);
    return true;
  }
}
