// Editor benchmark: loads a 200-node, 300-edge design into the real UI in Chromium (browser host)
// and reports frame times while panning the canvas and dragging nodes. Target: median ≥ 55 fps.
// Part of `npm run bench` (alone: `npm run bench -- editor`). Only frames that moved something count.
import { frameIntervals, reportFrames, verdict, withAppInBrowser } from './browserBench';
import type { Graph, GraphNode, NodeKind } from '../src/shared/graph';

const COLUMNS: NodeKind[] = ['client', 'load-balancer', 'service', 'service', 'service', 'cache', 'session-store', 'database'];

/** 200 nodes in 20 columns of 10, 300 request edges between neighbouring columns. */
export function bigGraph(): Graph {
  const nodes: GraphNode[] = [];
  for (let c = 0; c < 20; c++) {
    for (let r = 0; r < 10; r++) {
      const kind = COLUMNS[c % COLUMNS.length]!;
      nodes.push({ id: `n${c}-${r}`, kind, label: `${kind} ${c}.${r}`, position: { x: c * 240, y: r * 100 }, props: {} });
    }
  }
  const edges: Graph['edges'] = [];
  for (let c = 0; c < 19 && edges.length < 300; c++) {
    for (let r = 0; r < 10; r++) {
      for (const d of [0, 1]) {
        if (edges.length >= 300 || (d === 1 && c % 3 === 2)) continue;
        const id = `e${edges.length}`;
        edges.push({ id, source: `n${c}-${r}`, target: `n${c + 1}-${(r + d) % 10}`, kind: 'request', props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } });
      }
    }
  }
  return { format: 'statelab.graph', version: 1, nodes, edges: edges.slice(0, 300) };
}

/** Frames count only when they painted movement: the viewport's transform (pan) or a dragged node's (drag) changed. */
const VIEWPORT_MOVED = "document.querySelector('.react-flow__viewport')?.style.transform";
const NODE_MOVED = "[...document.querySelectorAll('.react-flow__node.dragging')].map((n) => n.style.transform).join()";

/** Loads a 200-node, 300-edge design and measures frames while panning and dragging. */
export async function runEditorBench(): Promise<void> {
  await withAppInBrowser('editor-bench', async (page) => {
    const graph = bigGraph();
    const started = Date.now();
    await page.getByTestId('open-file-input').setInputFiles({ name: 'big.statelab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
    await page.getByText(`${graph.nodes.length} nodes · ${graph.edges.length} connections`).waitFor();
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(500);
    console.log(`loaded ${graph.nodes.length} nodes, ${graph.edges.length} edges in ${Date.now() - started} ms; ${await page.locator('.react-flow__node').count()} nodes in the DOM`);

    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const pan = await frameIntervals(page, async () => {
      for (let i = 0; i < 3; i++) {
        await page.mouse.move(pane.x + pane.width / 2, pane.y + 40);
        await page.mouse.down();
        await page.mouse.move(pane.x + pane.width / 2 + 200 * (i % 2 ? -1 : 1), pane.y + 120, { steps: 60 });
        await page.mouse.up();
      }
    }, VIEWPORT_MOVED);
    const drag = await frameIntervals(page, async () => {
      for (let i = 0; i < 3; i++) {
        const box = (await page.locator('.react-flow__node').nth(40 + i).boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + 150, box.y + 90, { steps: 60 });
        await page.mouse.up();
      }
    }, NODE_MOVED);
    console.log(verdict(Math.min(reportFrames('pan', pan), reportFrames('drag', drag))));
  });
}

// Run alone (tsx or bundled): bundled into run.ts, require.main is the bundle's own module, so test the file name.
if (/editor\.bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  runEditorBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
