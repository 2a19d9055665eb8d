/**
 * An external session store (Redis-like): sessions live here instead of in service memory, so an
 * instance can die without logging anyone out. Without persistence its own crash loses them all.
 */
import type { SessionStoreProps } from '../../../shared/nodeProps';
import { OP, STATUS } from '../calls';
import { SimNode, type Sim } from '../engine';
import { C, type Recorder } from '../metrics/recorder';
import type { Rng } from '../rng';

export class SessionStoreNode extends SimNode {
  /** Global user → session generation. */
  readonly sessions = new Map<number, number>();
  private readonly latUs: number;

  constructor(
    sim: Sim,
    idx: number,
    id: string,
    rng: Rng,
    readonly props: SessionStoreProps,
  ) {
    super(sim, idx, id, 'session-store', rng);
    this.latUs = Math.round(props.latencyMs * 1000);
  }

  override onRequest(c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const user = calls.user[c]!;
    const gen = calls.session[c]!;
    const delay = this.latUs * this.serviceFactor;
    if (calls.op[c] === OP.sessionPut) {
      this.sessions.set(user, gen);
      sim.reply(this, c, STATUS.ok, delay);
    } else if (calls.op[c] === OP.sessionGet && this.sessions.get(user) !== gen) {
      sim.sessionLost(this, user, gen);
      sim.noteFailure(this, STATUS.sessionLost, 'failing.sessionLost.store');
      sim.reply(this, c, STATUS.sessionLost, delay);
    } else sim.reply(this, c, STATUS.ok, delay);
  }

  override onCrash(): void {
    if (this.props.persistence) return;
    let lost = 0;
    for (const [user, gen] of this.sessions) if (this.sim.sessionLost(this, user, gen)) lost++;
    this.sessions.clear();
    if (lost > 0) this.sim.log('session-lost.store', this, { node: this.id, count: lost }, lost);
  }

  override sampleGauges(rec: Recorder): void {
    super.sampleGauges(rec);
    rec.set(this.idx, C.sessionsHeld, this.sessions.size);
  }
}
