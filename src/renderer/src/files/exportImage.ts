import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

const PADDING = 0.1;

/**
 * Renders the whole diagram (not just what is on screen) to a PNG or SVG data URL: the flow's
 * viewport is drawn at a transform that fits every node, on the theme's background colour.
 */
export async function exportDiagram(format: 'png' | 'svg', nodes: Node[], root: HTMLElement): Promise<string> {
  const viewport = root.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('The canvas is not ready.');
  const bounds = getNodesBounds(nodes);
  const width = Math.min(4000, Math.max(400, Math.ceil(bounds.width * 1.2)));
  const height = Math.min(4000, Math.max(300, Math.ceil(bounds.height * 1.2)));
  const { x, y, zoom } = getViewportForBounds(bounds, width, height, 0.1, 2, PADDING);
  const options = {
    backgroundColor: getComputedStyle(document.body).backgroundColor,
    width,
    height,
    // Fonts are the system's; fetching web-font CSS would only trip the CSP.
    skipFonts: true,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
  };
  return format === 'png' ? toPng(viewport, options) : toSvg(viewport, options);
}
