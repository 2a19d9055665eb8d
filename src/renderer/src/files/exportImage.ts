import type { Graph } from '../../../shared/graph';
import { diagramSvg, MAX_SIDE, type DiagramMeta, type NodeSizes } from './diagramSvg';

/** PNG pixels per SVG unit: sharp on a printed page, still far below the 1 MB a lesson design may take. */
const PNG_SCALE = 2;

/**
 * Renders the whole design (not just what is on screen) to a PNG or SVG data URL. Both are the
 * same picture: the SVG is written from the graph document, and the PNG is that SVG drawn onto
 * a canvas.
 */
export async function exportDiagram(format: 'png' | 'svg', graph: Graph, sizes: NodeSizes, meta: DiagramMeta): Promise<string> {
  const { svg, width, height } = diagramSvg(graph, sizes, meta);
  const svgUrl = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  if (format === 'svg') return svgUrl;
  return svgToPng(svgUrl, width, height);
}

/** Draws an SVG (a data URL of `width` × `height` units) onto a canvas and returns it as a PNG data URL. */
export async function svgToPng(svgUrl: string, width: number, height: number): Promise<string> {
  const image = new Image();
  image.src = svgUrl;
  await image.decode();
  const scale = Math.min(PNG_SCALE, MAX_SIDE / width, MAX_SIDE / height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw images.');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
