import type { NodeKind } from '../../../shared/graph';
import { NODE_KIND_SPECS } from '../../../shared/nodeKinds';

/** A fresh id `prefix-N` not used by any of `taken` (ids are stable once given, never reused in a graph). */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = `${prefix}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * "Service 2": the kind's name (`base`, in the student's language when given) and the first number
 * no node of the graph is labelled or shown with.
 */
export function freshLabel(kind: NodeKind, labels: ReadonlySet<string>, base: string = NODE_KIND_SPECS[kind].label): string {
  const { isNumbered } = NODE_KIND_SPECS[kind];
  if (!labels.has(base) && !isNumbered) return base;
  for (let n = 1; ; n++) if (!labels.has(`${base} ${n}`)) return `${base} ${n}`;
}
