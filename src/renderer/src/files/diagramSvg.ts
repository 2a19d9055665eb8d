/**
 * The design as a picture a student can hand in: a plain SVG (no embedded HTML) drawn from the
 * graph document, with the nodes as the canvas shows them, one bezier <path> per connection (the
 * same curve React Flow draws), the replication label, and a title block naming the design, the
 * lesson, the date and the trace hash of the last run. PNG export rasterises this same SVG.
 */
import { getBezierPath, Position } from '@xyflow/react';
import type { Graph, NodeKind } from '../../../shared/graph';
import { NODE_KIND_SPECS } from '../../../shared/nodeKinds';

/** The words a diagram image carries: the lesson line, the trace-hash line and each node's kind. */
export interface DiagramWords {
  lesson(title: string): string;
  traceHash(hash: string | undefined): string;
  kind(kind: NodeKind): string;
}
const ENGLISH_WORDS: DiagramWords = {
  lesson: (title) => `Lesson: ${title}`,
  traceHash: (hash) => `Trace hash: ${hash ?? 'not run as drawn'}`,
  kind: (kind) => NODE_KIND_SPECS[kind].label,
};

export interface DiagramMeta {
  /** The design's file name, or the lesson's title when unsaved. */
  title: string;
  /** The lesson's title, when the design belongs to one. */
  lesson?: string;
  /** Already formatted, e.g. 2026-11-27: the caller reads the clock, this module does not. */
  date: string;
  /** Trace hash of the last run of this design, if it was run. */
  traceHash?: string;
  /** The words of the image, in the student's language (English when left out). */
  words?: DiagramWords;
}

export type NodeSizes = ReadonlyMap<string, { width: number; height: number }>;

/** Size a node is drawn at when the canvas has not measured it (matches .sl-node's min size). */
export const DEFAULT_NODE_SIZE = { width: 170, height: 56 };
const PAD = 24;
const TITLE_HEIGHT = 64;
/** Neither side of the picture exceeds this (a huge design is not worth a 100 MB image). */
export const MAX_SIDE = 4000;

const COLOURS = { background: '#ffffff', panel: '#ffffff', text: '#0f172a', muted: '#64748b', edge: '#475569', rule: '#e2e8f0' };
const FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', sans-serif";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text and attribute values are the student's own (labels, file names): escape them all. */
export const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const r = (n: number) => Math.round(n * 10) / 10;

export interface DiagramPicture {
  svg: string;
  width: number;
  height: number;
}

/** Builds the SVG. Node boxes use the canvas's measured sizes when given. */
export function diagramSvg(graph: Graph, sizes: NodeSizes, meta: DiagramMeta): DiagramPicture {
  const words = meta.words ?? ENGLISH_WORDS;
  const box = new Map(graph.nodes.map((n) => [n.id, { ...n.position, ...(sizes.get(n.id) ?? DEFAULT_NODE_SIZE) }]));
  const all = [...box.values()];
  const minX = all.length ? Math.min(...all.map((b) => b.x)) : 0;
  const minY = all.length ? Math.min(...all.map((b) => b.y)) : 0;
  const maxX = all.length ? Math.max(...all.map((b) => b.x + b.width)) : 320;
  const maxY = all.length ? Math.max(...all.map((b) => b.y + b.height)) : 0;
  // The arrowhead and bezier bulge stay inside the padding; the title block sits above.
  const width = Math.min(MAX_SIDE, Math.max(360, Math.ceil(maxX - minX + 2 * PAD)));
  const height = Math.min(MAX_SIDE, Math.ceil(maxY - minY + 2 * PAD + TITLE_HEIGHT));
  const dx = PAD - minX;
  const dy = PAD + TITLE_HEIGHT - minY;

  const edges = graph.edges.flatMap((e) => {
    const s = box.get(e.source);
    const t = box.get(e.target);
    if (!s || !t) return [];
    const [d, labelX, labelY] = getBezierPath({
      sourceX: s.x + s.width + dx,
      sourceY: s.y + s.height / 2 + dy,
      sourcePosition: Position.Right,
      targetX: t.x + dx,
      targetY: t.y + t.height / 2 + dy,
      targetPosition: Position.Left,
    });
    const dash = e.kind === 'replication' ? ' stroke-dasharray="6 4"' : '';
    const label =
      e.kind === 'replication'
        ? `<text x="${r(labelX)}" y="${r(labelY - 6)}" text-anchor="middle" font-size="11" fill="${COLOURS.muted}" paint-order="stroke" stroke="${COLOURS.background}" stroke-width="4">replication</text>`
        : '';
    return [`<path data-edge-id="${xml(e.id)}" d="${d}" fill="none" stroke="${COLOURS.edge}" stroke-width="2"${dash} marker-end="url(#sl-arrow)"/>${label}`];
  });

  const nodes = graph.nodes.map((n) => {
    const b = box.get(n.id)!;
    const info = NODE_KIND_SPECS[n.kind];
    const x = r(b.x + dx);
    const y = r(b.y + dy);
    const mid = y + b.height / 2;
    return [
      `<g data-node-id="${xml(n.id)}">`,
      `<rect x="${x + 1}" y="${y + 1}" width="${b.width - 2}" height="${b.height - 2}" rx="8" fill="${COLOURS.panel}" stroke="${info.color}" stroke-width="2"/>`,
      `<use href="#sl-icon-${n.kind}" x="${x + 12}" y="${r(mid - 12)}" width="24" height="24" color="${info.color}"/>`,
      `<text x="${x + 44}" y="${r(mid - 2)}" font-size="14" font-weight="600" fill="${COLOURS.text}">${xml(n.label)}</text>`,
      `<text x="${x + 44}" y="${r(mid + 13)}" font-size="11" fill="${COLOURS.muted}">${xml(words.kind(n.kind))}</text>`,
      '</g>',
    ].join('');
  });

  const kinds = [...new Set(graph.nodes.map((n) => n.kind))];
  const icons = kinds.map((k) => `<symbol id="sl-icon-${k}" viewBox="0 0 24 24"><path d="${NODE_KIND_SPECS[k].icon}" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></symbol>`);
  const subtitle = [meta.lesson && words.lesson(meta.lesson), meta.date, words.traceHash(meta.traceHash?.slice(0, 16))].filter(Boolean).join('  ·  ');

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xml(FONT)}">`,
    `<title>${xml(meta.title)}</title>`,
    '<defs>',
    `<marker id="sl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${COLOURS.edge}"/></marker>`,
    ...icons,
    '</defs>',
    `<rect width="${width}" height="${height}" fill="${COLOURS.background}"/>`,
    `<g class="sl-title-block"><text x="${PAD}" y="${PAD + 14}" font-size="18" font-weight="700" fill="${COLOURS.text}">${xml(meta.title)}</text>`,
    `<text x="${PAD}" y="${PAD + 34}" font-size="12" fill="${COLOURS.muted}">${xml(subtitle)}</text>`,
    `<line x1="${PAD}" x2="${width - PAD}" y1="${PAD + TITLE_HEIGHT - 16}" y2="${PAD + TITLE_HEIGHT - 16}" stroke="${COLOURS.rule}"/></g>`,
    `<g class="sl-edges">${edges.join('')}</g>`,
    `<g class="sl-nodes">${nodes.join('')}</g>`,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}

/** A file name from a title: characters no file system accepts (and leading dots) dropped. */
export function fileNameOf(title: string, format: 'png' | 'svg'): string {
  // eslint-disable-next-line no-control-regex
  const base = title.normalize('NFKC').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, 80);
  return `${base || 'design'}.${format}`;
}
