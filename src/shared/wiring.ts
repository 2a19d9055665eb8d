/**
 * What is not wired does not work (issue 12): a setting that needs a connection the design does
 * not have. Declared once: the editor shows each issue as a badge on the node and a line in its
 * properties panel, and the simulator (sim/build.ts) fails the requests or recoveries that need
 * the missing connection with the `notWired` failure reason. A rule names the prop that asks for
 * the connection, so a student sees which setting to change or what to connect.
 */
import type { Graph, GraphNode } from './graph';
import { parseNodeProps, type ServiceProps } from './nodeProps';

export type WiringNeed = 'sessionStore' | 'replica' | 'coordinator';

export interface WiringIssue {
  /** The node whose setting needs the connection. */
  nodeId: string;
  need: WiringNeed;
  /** The prop asking for it, e.g. "sessions". */
  field: string;
  /** One sentence: what is missing, what the simulator does about it, what to do. */
  message: string;
}

type Design = Pick<Graph, 'nodes' | 'edges'>;

interface Rule {
  need: WiringNeed;
  field: keyof ServiceProps;
  /** The setting asks for the connection. */
  applies(p: ServiceProps, design: Design): boolean;
  /** The design has it. */
  isWired(node: GraphNode, design: Design): boolean;
  message: string;
}

const kindOf = (design: Design, id: string) => design.nodes.find((n) => n.id === id)?.kind;
const sendsToKind = (node: GraphNode, design: Design, kind: GraphNode['kind']) => design.edges.some((e) => e.kind === 'request' && e.source === node.id && kindOf(design, e.target) === kind);

/** The rules, for services (the only kind whose settings need other nodes). */
export const WIRING_RULES: readonly Rule[] = [
  {
    need: 'sessionStore',
    field: 'sessions',
    applies: (p) => p.sessions === 'session-store',
    isWired: (node, design) => sendsToKind(node, design, 'session-store'),
    message: 'Sessions are kept in a session store, but no session store is connected: every request with a session fails (not wired). Connect a session store, or keep sessions elsewhere.',
  },
  {
    need: 'replica',
    field: 'recoverFrom',
    applies: (p) => p.ownsPartitions && p.recoverFrom === 'replica',
    isWired: (node, design) => design.edges.some((e) => e.kind === 'replication' && (e.source === node.id || e.target === node.id)),
    message: 'Partitions are recovered from a replica, but no replica is connected: a partition it takes over cannot be recovered and its requests fail (not wired). Add a replication connection to another instance, or recover from the database.',
  },
  {
    need: 'coordinator',
    field: 'ownsPartitions',
    applies: (p, design) => p.ownsPartitions && design.nodes.some((n) => n.kind === 'coordinator'),
    isWired: (node, design) => sendsToKind(node, design, 'coordinator'),
    message: 'Owns partitions, but is not connected to the coordinator: it holds no lease, so it owns nothing and its requests fail (not wired). Connect it to the coordinator.',
  },
];

/** Every wiring issue of a design, in node order; nodes with invalid props are skipped (their props error says more). */
export function wiringIssues(design: Design): WiringIssue[] {
  const out: WiringIssue[] = [];
  for (const node of design.nodes) {
    if (node.kind !== 'service') continue;
    const parsed = parseNodeProps('service', node.props);
    if (!parsed.ok) continue;
    for (const rule of WIRING_RULES) {
      if (rule.applies(parsed.props, design) && !rule.isWired(node, design)) out.push({ nodeId: node.id, need: rule.need, field: rule.field, message: rule.message });
    }
  }
  return out;
}

/** The issues grouped by node id, for the canvas and the properties panel. */
export function wiringIssuesByNode(design: Design): ReadonlyMap<string, WiringIssue[]> {
  const map = new Map<string, WiringIssue[]>();
  for (const issue of wiringIssues(design)) {
    const list = map.get(issue.nodeId);
    if (list === undefined) map.set(issue.nodeId, [issue]);
    else list.push(issue);
  }
  return map;
}
