/**
 * Every node kind's timers in one table: a timer's tag is its index in its kind's list (0 is
 * unused), and the text says what it is for, as the lab's "Step one event" shows it.
 */
import type { NodeKind } from '../../../shared/graph';

export const TIMER_PURPOSES = {
  client: ['', 'next request', 'retry', 'open connections', 'reconnect', 'connection dropped'],
  'load-balancer': ['', 'health check', 'owner map refresh'],
  service: ['', 'work done', 'finished starting', 'lease renewal', 'lease news'],
  cache: [''],
  'session-store': [''],
  database: ['', 'work done', 'replication deadline', 'log shipped to replicas', 'leader watch'],
  coordinator: ['', 'lease check', 'partition released'],
} as const satisfies Record<NodeKind, readonly string[]>;

type Purpose<K extends NodeKind> = (typeof TIMER_PURPOSES)[K][number];

/** The tag of one of a node kind's timers. */
export function timerTag<K extends NodeKind>(kind: K, purpose: Purpose<K>): number {
  return (TIMER_PURPOSES[kind] as readonly string[]).indexOf(purpose);
}

/** What a timer of a node of `kind` with tag `tag` is for ('' if unknown). */
export function timerPurpose(kind: NodeKind, tag: number): string {
  return (TIMER_PURPOSES[kind] as readonly string[])[tag] ?? '';
}
