/**
 * Why a request failed, declared once: the simulator's answer status codes (sim/calls.ts STATUS)
 * and its counting of them (engine FAIL_COUNTER), the raw counters and the `failed…` metrics of the
 * catalogue (metrics.ts), and the lab's "error rate by reason" chart all derive from this table.
 * Adding a reason is one entry here plus the simulator code that answers with it.
 *
 * `label` is English text kept only here (one field, so it can become a message key).
 */

export const FAILURE_REASONS = {
  down: { label: 'down', counter: 'failDown', metric: 'failedDown', description: 'Failures because a node on the path was down.' },
  timeout: { label: 'timeout', counter: 'failTimeout', metric: 'failedTimeout', description: 'Failures because no answer came in time.' },
  overloaded: { label: 'overloaded', counter: 'failOverloaded', metric: 'failedOverloaded', description: 'Failures because a queue was full.' },
  noRoute: { label: 'no route', counter: 'failNoRoute', metric: 'failedNoRoute', description: 'Failures because there was no healthy place to send the request.' },
  sessionLost: { label: 'session lost', counter: 'failSessionLost', metric: 'failedSessionLost', description: 'Failures because the user was logged out.' },
  fenced: { label: 'fenced', counter: 'failFenced', metric: 'failedFenced', description: 'Writes rejected because they carried a stale fencing token.' },
  notWired: { label: 'not wired', counter: 'failNotWired', metric: 'failedNotWired', description: 'Failures because a setting needs a connection the design does not have (e.g. sessions in a session store with no store connected).' },
  wrongOwner: { label: 'wrong owner', counter: 'failWrongOwner', metric: 'failedWrongOwner', description: 'Failures because an instance was asked for a partition it does not own and does not forward.' },
} as const satisfies Record<string, { label: string; counter: `fail${string}`; metric: `failed${string}`; description: string }>;

export type FailureReason = keyof typeof FAILURE_REASONS;
/** In table order: the simulator's status codes are 1 + this index (0 is ok). */
export const FAILURE_REASON_KEYS = Object.keys(FAILURE_REASONS) as FailureReason[];
export type FailureCounter = (typeof FAILURE_REASONS)[FailureReason]['counter'];
export type FailureMetric = (typeof FAILURE_REASONS)[FailureReason]['metric'];

/** The raw per-node counters, one per reason, in table order. */
export const FAILURE_COUNTERS: readonly FailureCounter[] = FAILURE_REASON_KEYS.map((r) => FAILURE_REASONS[r].counter);
