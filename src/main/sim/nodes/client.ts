/**
 * A user population: open-loop Poisson arrivals at `rps`, each request from a uniformly chosen
 * user for a uniform or Zipf key. It records the user's view of every request (outcome and
 * end-to-end latency), retries failures, and tracks each user's session so a service can tell
 * a logged-in user from one who must log in again.
 */
import type { ClientProps } from '../../../shared/nodeProps';
import type { FailureReason } from '../../../shared/failureReasons';
import { FAILURE_REASONS } from '../../../shared/failureReasons';
import { FLAG_HELD_BACK, FLAG_LOGIN, OP, STATUS, STATUS_REASON } from '../calls';
import { SimNode, type Sim, type SimEdge } from '../engine';
import { C } from '../metrics/recorder';
import { partitionOf } from '../hashing';
import { ZipfSampler, type Rng } from '../rng';
import { timerTag } from './timers';
import { ClientConnections } from './clientConnections';
import { SaltedKeys, subKey, type SaltGroup } from './saltedKeys';

const T_ARRIVAL = timerTag('client', 'next request');
const T_RETRY = timerTag('client', 'retry');
/** calls.stage of a message not sent yet, waiting for its user's login (clientConnections.ts: for a connection). */
const STAGE_WAIT_LOGIN = 1;

/** Failures worth retrying: the next attempt may take another path. */
const RETRYABLE_REASONS: ReadonlySet<FailureReason> = new Set<FailureReason>(['down', 'timeout', 'overloaded', 'noRoute']);
/** Status code → retryable (ok and a cache miss are not failures). */
const RETRYABLE = STATUS_REASON.map((r) => r !== undefined && RETRYABLE_REASONS.has(r));

export class ClientNode extends SimNode {
  private readonly meanGapUs: number;
  private readonly zipf: ZipfSampler | null;
  /** Current session generation per user (0: not logged in). */
  private readonly sessionGen: Int32Array;
  /** Last generation handed out per user, so every login is a new session. */
  private readonly lastGen: Int32Array;
  /** Generation of the login in flight per user (0: none): a user holds one login at a time. */
  private readonly loginGen: Int32Array;
  /**
   * Per user, requests [call, gen, ...] that came while its login was in flight: sent once it ends.
   * A request's timeout covers its wait: one issued (FLAG_HELD_BACK) gives up when it runs out
   * (onGaveUpWaiting), and once sent it has only the rest; a retry still in its backoff is issued
   * when the backoff ends.
   */
  private readonly waiting = new Map<number, number[]>();
  /** traffic-spike: multiplies the rate. */
  spikeFactor = 1;
  /** hot-key: this key gets hotFraction of requests (-1: none). */
  hotKey = -1;
  hotFraction = 0;
  /** Logical requests not ended yet. */
  open = 0;
  /** long-lived: its users' connections (null: a routing decision per request). */
  private conns: ClientConnections | null = null;
  /** hotKeySalt > 1: the hot key is split into sub-keys, its reads or writes fan out (saltedKeys.ts). */
  private readonly salted: SaltedKeys | null;

  /** Per user, logical requests not ended yet (a crash ends them: those users are affected). */
  private readonly openByUser: Int32Array;

  constructor(
    sim: Sim,
    idx: number,
    id: string,
    rng: Rng,
    readonly props: ClientProps,
    /** Offset of this client's users in the run's global user numbering. */
    readonly userBase: number,
  ) {
    super(sim, idx, id, 'client', rng);
    this.meanGapUs = props.rps > 0 ? 1e6 / props.rps : Infinity;
    this.zipf = props.keys.distribution === 'zipf' && props.keys.skew > 0 ? new ZipfSampler(props.keys.count, props.keys.skew) : null;
    this.sessionGen = new Int32Array(props.users);
    this.lastGen = new Int32Array(props.users);
    this.loginGen = new Int32Array(props.users);
    this.openByUser = new Int32Array(props.users);
    this.timeoutUs = Math.round(props.timeoutMs * 1000);
    this.hasLongLivedConnections = props.connection === 'long-lived';
    this.salted = props.hotKeySalt > 1 ? new SaltedKeys(props.hotKeySalt) : null;
  }

  /** The first request edge is where requests go (a client talks to one entry point). */
  private entry(): SimEdge | undefined {
    return this.out[0];
  }

  /** Nothing sends requests to a client; one that arrives is refused. */
  override onRequest(c: number): void {
    this.sim.reply(this, c, STATUS.noRoute);
  }

  override start(): void {
    this.scheduleArrival();
    // The model (and its connection table) exists once every node is built.
    const table = this.sim.model.connections;
    if (this.hasLongLivedConnections && table !== null) {
      this.conns = new ClientConnections(this, table);
      this.conns.start();
    }
  }

  private scheduleArrival(): void {
    const mean = this.meanGapUs / this.spikeFactor;
    if (!Number.isFinite(mean)) return;
    this.sim.timer(this, Math.max(1, this.rng.expRounded(mean)), T_ARRIVAL);
  }

  override onTimer(tag: number, a: number, b: number): void {
    if (tag === T_ARRIVAL) {
      this.scheduleArrival();
      this.issue();
    } else if (tag === T_RETRY) {
      // The backoff is over: the retry is issued, and goes now unless it still waits for a login.
      if (!this.sim.calls.isValid(a, b)) return;
      if (this.sim.calls.stage[a] === STAGE_WAIT_LOGIN) this.holdBack(a);
      else this.send(a);
    } else this.conns?.onTimer(tag, a, b);
  }

  /** Sends an issued message now, or (long-lived) once its user has a connection. */
  private send(c: number): void {
    if (this.conns !== null && !this.conns.mayGo(c, this.sim.calls.user[c]! - this.userBase)) return;
    this.transmitIssued(c);
  }

  /** Puts issued message `c` on the wire: one that waited (FLAG_HELD_BACK) has only the rest of its timeout, which runs since it was issued. */
  transmitIssued(c: number): void {
    const calls = this.sim.calls;
    const isTimed = (calls.flags[c]! & FLAG_HELD_BACK) !== 0;
    calls.flags[c]! &= ~FLAG_HELD_BACK;
    this.sim.sendRequest(c, 0, isTimed);
  }

  /**
   * Issued message `c` waits at the client (for its user's login or connection): its timeout runs
   * from now, as the user's wait does, in the node's one timeout FIFO (no timer per message).
   */
  holdBack(c: number): void {
    const calls = this.sim.calls;
    if ((calls.flags[c]! & FLAG_HELD_BACK) !== 0) return;
    calls.flags[c]! |= FLAG_HELD_BACK;
    this.sim.startTimeout(c);
  }

  /** A held-back message's timeout ran out before it could go: it fails as a timeout, and is retried or ends. */
  override onGaveUpWaiting(c: number): void {
    const calls = this.sim.calls;
    const isLoginWait = calls.stage[c] === STAGE_WAIT_LOGIN;
    calls.flags[c]! &= ~FLAG_HELD_BACK;
    calls.stage[c] = 0;
    calls.status[c] = STATUS.timeout;
    const ms = this.timeoutUs / 1000;
    this.sim.noteFailure(this, STATUS.timeout, isLoginWait ? 'failing.timeout.login-wait' : 'failing.timeout.no-connection', { ms });
    this.onResponse(c);
  }

  private issue(): void {
    const sim = this.sim;
    const rng = this.rng;
    const p = this.props;
    const rec = sim.rec;
    rec.add(this.idx, C.requests, 1);
    this.open++;
    const user = p.users === 1 ? 0 : rng.int(p.users);
    this.openByUser[user]!++;
    const op = rng.next() < p.readRatio ? OP.read : OP.write;
    let key: number;
    if (this.hotKey >= 0 && rng.next() < this.hotFraction) key = this.hotKey;
    else if (this.conns !== null) key = this.conns.room[user]!;
    else key = this.zipf !== null ? this.zipf.sample(rng) : rng.int(p.keys.count);
    const salted = this.salted !== null && key === this.hotKey ? this.salted : null;
    // A salted hot key: one operation goes to one sub-key, the other fans out to all of them.
    const fansOut = salted !== null && op === (p.hotKeySaltFanOut === 'reads' ? OP.read : OP.write);
    if (salted !== null && !fansOut) key = subKey(key, rng.int(salted.count));
    const edge = this.entry();
    if (edge === undefined) {
      // Nothing to send it to (no connection out): the request fails, and its user felt it.
      rec.partCur[partitionOf(key, rec.partitions)]! += 1;
      sim.noteFailure(this, STATUS.noRoute, 'failing.noRoute.unconnected');
      this.end(STATUS.noRoute, 0, user);
      sim.model.userAffected(this.idx, this.userBase + user);
      return;
    }
    if (salted === null || !fansOut) {
      this.issueCall(edge, op, key, user);
      return;
    }
    const group = salted.open(sim.nowUs);
    for (let i = 0; i < salted.count; i++) this.issueCall(edge, op, subKey(key, i), user, group);
  }

  /**
   * One call of a logical request (a part of `group` when given). A part is registered before it
   * is sent: a zero-latency hop is delivered inline, so its answer can come back before
   * sendRequest returns, and an unregistered part would end the whole request on its own.
   */
  private issueCall(edge: SimEdge, op: number, key: number, user: number, group?: SaltGroup): number {
    const sim = this.sim;
    sim.rec.partCur[partitionOf(key, sim.rec.partitions)]! += 1;
    const c = sim.newCall(this, edge, op);
    const calls = sim.calls;
    calls.t0Us[c] = sim.nowUs;
    calls.key[c] = key;
    calls.user[c] = this.userBase + user;
    if (sim.tracer !== null) sim.tracer.onIssue(this, c);
    if (group !== undefined) this.salted?.register(c, calls.gen[c]!, group);
    if (this.attachSession(c, user)) this.send(c);
    else this.holdBack(c);
    return c;
  }

  /**
   * Call `c` ended with `status` after its retries: it ends its logical request, unless it is one
   * part of a salted fan-out (which ends with its last part, failed when any part failed).
   * Returns the request's status when it ended (-1: parts still out).
   */
  private callEnded(c: number, status: number, user: number): number {
    const calls = this.sim.calls;
    const g = this.salted?.ended(c, calls.gen[c]!, status);
    if (g === null) return -1;
    const t0 = g === undefined ? calls.t0Us[c]! : g.t0Us;
    const outcome = g === undefined ? status : g.status;
    this.end(outcome, this.sim.nowUs - t0, user);
    return outcome;
  }

  /**
   * Gives the call the user's session, or makes it the user's login. While a login is in flight
   * the call waits for it (false: parked, not to be sent now), as a real client does: two logins
   * at once would create two sessions, and the store and the client could keep different ones.
   * Where no service keeps sessions (none, signed tokens) a login leaves no server state, so
   * nothing waits.
   */
  private attachSession(c: number, user: number): boolean {
    const calls = this.sim.calls;
    let gen = this.sessionGen[user]!;
    if (gen === 0) {
      if (this.loginGen[user] !== 0 && this.sim.model.hasServerSessions) {
        const list = this.waiting.get(user);
        if (list === undefined) this.waiting.set(user, [c, calls.gen[c]!]);
        else list.push(c, calls.gen[c]!);
        calls.stage[c] = STAGE_WAIT_LOGIN;
        return false;
      }
      gen = ++this.lastGen[user]!;
      this.loginGen[user] = gen;
      calls.flags[c]! |= FLAG_LOGIN;
    }
    calls.session[c] = gen;
    return true;
  }

  /** The user's login ended (answered or given up): the requests that waited for it go now. */
  private releaseWaiting(user: number): void {
    const list = this.waiting.get(user);
    if (list === undefined) return;
    this.waiting.delete(user);
    const sim = this.sim;
    const calls = sim.calls;
    for (let k = 0; k < list.length; k += 2) {
      const c = list[k]!;
      if (!calls.isValid(c, list[k + 1]!) || calls.stage[c] !== STAGE_WAIT_LOGIN) continue;
      calls.stage[c] = 0;
      // An issued one goes at once with the rest of its timeout; a retry in its backoff goes when it ends (T_RETRY).
      if (this.attachSession(c, user) && (calls.flags[c]! & FLAG_HELD_BACK) !== 0) this.send(c);
    }
  }

  override onResponse(c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    if (calls.op[c] === OP.connect) {
      this.conns?.onConnectAnswer(c);
      calls.releaseByCaller(c);
      return;
    }
    const status = calls.status[c]!;
    const user = calls.user[c]! - this.userBase;
    const isLogin = (calls.flags[c]! & FLAG_LOGIN) !== 0;
    if (isLogin) this.loginGen[user] = 0;
    if (status === STATUS.ok) {
      if (isLogin) {
        this.sessionGen[user] = calls.session[c]!;
        sim.model.userSession[calls.user[c]!] = calls.session[c]!;
      }
      if (sim.tracer !== null) sim.tracer.onEnd(this, c, STATUS.ok);
      const outcome = this.callEnded(c, STATUS.ok, user);
      if (outcome > 0) sim.model.userAffected(this.idx, calls.user[c]!);
      calls.releaseByCaller(c);
      if (isLogin) this.releaseWaiting(user);
      return;
    }
    // Only the session the user holds is gone: a late answer about an older one changes nothing.
    if (status === STATUS.sessionLost && calls.session[c] === this.sessionGen[user]) this.sessionGen[user] = 0;
    if (RETRYABLE[status] === true && calls.attempt[c]! < this.props.retries) {
      const next = sim.newCall(this, sim.edges[calls.edge[c]!]!, calls.op[c]!);
      calls.t0Us[next] = calls.t0Us[c]!;
      calls.key[next] = calls.key[c]!;
      calls.user[next] = calls.user[c]!;
      calls.attempt[next] = calls.attempt[c]! + 1;
      if (sim.tracer !== null) sim.tracer.onRetry(c, next);
      this.salted?.moved(c, calls.gen[c]!, next, calls.gen[next]!);
      calls.releaseByCaller(c);
      // A failed login's retry is the user's next login; the others wait for it. Either way the
      // retry is issued when its backoff ends (T_RETRY), and its timeout runs from then.
      this.attachSession(next, user);
      sim.timer(this, Math.round(this.props.retryBackoffMs * 1000), T_RETRY, next, calls.gen[next]!);
      return;
    }
    if (sim.tracer !== null) sim.tracer.onEnd(this, c, status);
    if (this.callEnded(c, status, user) > 0) sim.model.userAffected(this.idx, calls.user[c]!);
    calls.releaseByCaller(c);
    if (isLogin) this.releaseWaiting(user);
  }

  /** A logical request ends: exactly once, counted at the client. */
  private end(status: number, latencyUs: number, user: number): void {
    const rec = this.sim.rec;
    if (this.open <= 0) this.sim.fail(`${this.id} ended more requests than it issued`);
    this.open--;
    this.openByUser[user]!--;
    if (status === STATUS.ok) rec.add(this.idx, C.ok, 1);
    else {
      rec.add(this.idx, C.failed, 1);
      rec.add(this.idx, FAIL_AT_CLIENT[status]!, 1);
    }
    rec.latency(this.idx, latencyUs, status === STATUS.ok);
  }

  override onCrash(): void {
    // A client population does not crash as a whole; its open requests end as failures, and the
    // users who were waiting for them felt it (usersAffected), as if their requests had failed.
    const model = this.sim.model;
    for (let user = 0; user < this.openByUser.length; user++) {
      if (this.openByUser[user] === 0) continue;
      while (this.openByUser[user]! > 0) this.end(STATUS.down, 0, user);
      model.userAffected(this.idx, this.userBase + user);
    }
    this.sessionGen.fill(0);
    this.loginGen.fill(0);
    this.waiting.clear();
    this.conns?.reset();
    this.salted?.reset();
  }

  override onRestart(): void {
    this.isReady = true;
    this.scheduleArrival();
  }
}

/** Status code → the failure counter a request ending with it adds to (a miss never reaches a client; counted as no route). */
const FAIL_AT_CLIENT = STATUS_REASON.map((r, code) => (code === 0 ? C.ok : r === undefined ? C.failNoRoute : C[FAILURE_REASONS[r].counter]));
