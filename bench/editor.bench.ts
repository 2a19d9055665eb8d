// Editor benchmark: loads a 200-node, 300-edge design into the real UI in Chromium (browser host)
// and reports frame times while panning the canvas and dragging nodes. Target: median ≥ 55 fps.
// Run with `npx tsx bench/editor.bench.ts` after `npx electron-vite build`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createHost } from '../src/main/host/services';
import { startWebHost } from '../src/main/host/web/server';
import type { Graph, GraphNode, NodeKind } from '../src/shared/graph';

const ROOT = path.resolve(__dirname, '..');
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

async function measure(page: Page, action: () => Promise<void>): Promise<number[]> {
  // Plain strings: tsx's name-keeping helpers do not exist in the page.
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.stop_ = false;
    const loop = (t) => { window.frames_.push(t); if (!window.stop_) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  await action();
  const stamps = (await page.evaluate('(() => { window.stop_ = true; return window.frames_; })()')) as number[];
  return stamps.slice(1).map((t, i) => t - stamps[i]!);
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const report = (name: string, intervals: number[]) => {
  const median = quantile(intervals, 0.5);
  console.log(`${name.padEnd(8)} frames ${String(intervals.length).padStart(4)}  median ${median.toFixed(1)} ms (${(1000 / median).toFixed(1)} fps)  p95 ${quantile(intervals, 0.95).toFixed(1)} ms`);
  return 1000 / median;
};

async function main(): Promise<void> {
  const host = createHost({ host: 'web', builtinPackDirs: [path.join(ROOT, 'lessons', 'stateless-vs-stateful')], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-bench-')) });
  const web = await startWebHost({ dispatch: host.dispatch, rendererDir: path.join(ROOT, 'out', 'renderer'), port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(web.url);
    await page.locator('.react-flow__node').first().waitFor();
    const graph = bigGraph();
    const started = Date.now();
    await page.getByTestId('open-file-input').setInputFiles({ name: 'big.statelab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
    await page.getByText(`${graph.nodes.length} nodes · ${graph.edges.length} connections`).waitFor();
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(500);
    console.log(`loaded ${graph.nodes.length} nodes, ${graph.edges.length} edges in ${Date.now() - started} ms; ${await page.locator('.react-flow__node').count()} nodes in the DOM`);

    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const pan = await measure(page, async () => {
      for (let i = 0; i < 3; i++) {
        await page.mouse.move(pane.x + pane.width / 2, pane.y + 40);
        await page.mouse.down();
        await page.mouse.move(pane.x + pane.width / 2 + 200 * (i % 2 ? -1 : 1), pane.y + 120, { steps: 60 });
        await page.mouse.up();
      }
    });
    const drag = await measure(page, async () => {
      for (let i = 0; i < 3; i++) {
        const box = (await page.locator('.react-flow__node').nth(40 + i).boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + 150, box.y + 90, { steps: 60 });
        await page.mouse.up();
      }
    });
    const fps = Math.min(report('pan', pan), report('drag', drag));
    console.log(`${fps >= 55 ? 'PASS' : 'BELOW TARGET'}: slowest median ${fps.toFixed(1)} fps (target ≥ 55)`);
  } finally {
    await browser.close();
    host.dispose();
    await web.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
