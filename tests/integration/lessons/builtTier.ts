// Lesson 13's designs as a student builds them from its empty canvas (tests only).
import type { Graph } from '../../../src/shared/graph';

/** What a student building lesson 13's design from its empty canvas may choose. */
interface BuiltTier {
  /** Service instances behind the balancer (0: the users call one instance directly). */
  instances: number;
  service?: Record<string, unknown>;
  balancer?: Record<string, unknown>;
  hasSessionStore?: boolean;
  hasDatabase?: boolean;
}

/**
 * Lesson 13: the starter (the users alone) with a tier built as a student drops it from the palette:
 * a balancer (when more than one instance), instances, an optional session store and a database.
 */
export const builtTier = (starter: Graph, tier: BuiltTier): Graph => {
  const ids = Array.from({ length: Math.max(1, tier.instances) }, (_, i) => `service-${i + 1}`);
  const at = (x: number, y: number) => ({ x, y });
  const nodes: Graph['nodes'] = [...starter.nodes];
  const edges: Graph['edges'] = [];
  const link = (source: string, target: string) => edges.push({ id: `${source}-${target}`, source, target, kind: 'request', props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } });
  if (tier.instances > 1) {
    nodes.push({ id: 'load-balancer-1', kind: 'load-balancer', label: 'Load balancer', position: at(220, 200), props: { ...tier.balancer } });
    link('users', 'load-balancer-1');
  } else link('users', ids[0]!);
  ids.forEach((id, i) => {
    nodes.push({ id, kind: 'service', label: `Service ${i + 1}`, position: at(460, 80 + 120 * i), props: { ...tier.service } });
    if (tier.instances > 1) link('load-balancer-1', id);
    if (tier.hasSessionStore) link(id, 'session-store-1');
    if (tier.hasDatabase ?? true) link(id, 'database-1');
  });
  if (tier.hasSessionStore) nodes.push({ id: 'session-store-1', kind: 'session-store', label: 'Session store', position: at(720, 80), props: {} });
  if (tier.hasDatabase ?? true) nodes.push({ id: 'database-1', kind: 'database', label: 'Database', position: at(720, 240), props: {} });
  return { ...starter, nodes, edges };
};
