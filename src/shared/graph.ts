import { z } from 'zod';
import type { DocumentSpec } from './document';
import { ownIssue, ownText } from './i18n/packTexts';

/** Every kind of node a student can place, in palette order. */
export const NODE_KINDS = [
  'client',
  'load-balancer',
  'service',
  'cache',
  'session-store',
  'database',
  'coordinator',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = ['request', 'replication'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Size bounds for untrusted graphs: far above any lesson, far below what would hang the app. */
export const GRAPH_LIMITS = { nodes: 2000, edges: 5000, labelChars: 200, idChars: 64, bytes: 5_000_000 } as const;

const id = z
  .string()
  .min(1)
  .max(GRAPH_LIMITS.idChars)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, ownText('own.graphId'));

const finite = z.number().finite();

export const GraphNodeSchema = z
  .object({
    /** Stable id, unique in the graph; scenarios and checks refer to nodes by it. */
    id,
    /** What the node is; decides its behaviour and which props apply. */
    kind: z.enum(NODE_KINDS),
    /** The name shown on the canvas. */
    label: z.string().max(GRAPH_LIMITS.labelChars),
    /** Canvas position in flow coordinates. */
    position: z.object({ x: finite, y: finite }).strict(),
    /** Kind-specific settings; checked against the kind's schema in nodeProps. */
    props: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export const EdgePropsSchema = z
  .object({
    /** One-way network latency of the hop. */
    latencyMs: z.number().min(0).max(60_000).default(1),
    /** Uniform extra latency in [0, jitterMs]. */
    jitterMs: z.number().min(0).max(60_000).default(0),
    /** Probability a message on this hop is lost. */
    lossRate: z.number().min(0).max(1).default(0),
  })
  .strict();

export const GraphEdgeSchema = z
  .object({
    /** Stable id, unique in the graph. */
    id,
    /** The node that sends requests (or the replication leader). */
    source: id,
    /** The node that receives them (or the follower). */
    target: id,
    /** request: requests flow source → target; replication: leader → follower. */
    kind: z.enum(EDGE_KINDS).default('request'),
    /** Network characteristics of the link. */
    props: EdgePropsSchema.default({ latencyMs: 1, jitterMs: 0, lossRate: 0 }),
  })
  .strict();

export const GRAPH_FORMAT = 'statelab.graph';
export const GRAPH_VERSION = 1;

export const GraphSchema = z
  .object({
    format: z.literal(GRAPH_FORMAT),
    version: z.literal(GRAPH_VERSION),
    /** The design's components. */
    nodes: z.array(GraphNodeSchema).max(GRAPH_LIMITS.nodes),
    /** The connections between them. */
    edges: z.array(GraphEdgeSchema).max(GRAPH_LIMITS.edges),
  })
  .strict()
  .superRefine((graph, ctx) => {
    const ids = new Set<string>();
    graph.nodes.forEach((node, i) => {
      if (ids.has(node.id)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'id'], ...ownIssue('own.duplicateNode', { id: node.id }) });
      ids.add(node.id);
    });
    const edgeIds = new Set<string>();
    graph.edges.forEach((edge, i) => {
      if (edgeIds.has(edge.id)) ctx.addIssue({ code: 'custom', path: ['edges', i, 'id'], ...ownIssue('own.duplicateEdge', { id: edge.id }) });
      edgeIds.add(edge.id);
      for (const end of ['source', 'target'] as const) {
        if (!ids.has(edge[end])) {
          ctx.addIssue({ code: 'custom', path: ['edges', i, end], ...ownIssue('own.edgeNoNode', { id: edge[end] }) });
        }
      }
      if (edge.source === edge.target) ctx.addIssue({ code: 'custom', path: ['edges', i], ...ownIssue('own.selfEdge') });
    });
  });

export type Graph = z.infer<typeof GraphSchema>;
export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type EdgeProps = z.infer<typeof EdgePropsSchema>;

export const graphSpec: DocumentSpec<Graph> = {
  format: GRAPH_FORMAT,
  version: GRAPH_VERSION,
  migrations: [],
  schema: GraphSchema,
  noun: 'noun.graph',
};
