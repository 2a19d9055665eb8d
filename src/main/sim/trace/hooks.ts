/**
 * The per-request tracing hook (issue 17): the engine, the transport and a few node handlers call
 * these only when `sim.tracer` is set, which it is only in a re-run that traces chosen requests
 * (trace/recorder.ts). A normal run pays one null check per hop and allocates nothing.
 */
import type { SimNode } from '../node';

export interface RequestTracer {
  /** A client issued logical request `c` (its first attempt). */
  onIssue(client: SimNode, c: number): void;
  /** A client retries the failed attempt `prev` as the new call `next`. */
  onRetry(prev: number, next: number): void;
  /** A client ended the logical request whose last attempt is `c` with `status`. */
  onEnd(client: SimNode, c: number, status: number): void;
  /** Call `c` is put on the wire (its caller's timeout starts). */
  onSend(c: number): void;
  /** A request or response message for call `c` (generation `gen`) reached node `n` (up or not). */
  onDeliver(type: number, n: number, c: number, gen: number): void;
  /** The callee answers call `c` with `status`, `extraUs` of processing folded into the answer. */
  onReply(node: SimNode, c: number, status: number, extraUs: number): void;
  /** The caller of `c` gave up waiting: its timeout fired. */
  onTimeout(c: number): void;
  /** A worker of `node` takes call `c`: its queue wait ends. */
  onStart(node: SimNode, c: number): void;
  /** `node` works `workUs` on call `c` (its service time). */
  onCompute(node: SimNode, c: number, workUs: number): void;
  /** `node` crashed. */
  onCrash(node: SimNode): void;
}
