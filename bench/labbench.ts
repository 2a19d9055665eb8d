// Lab-bench benchmark: a 100-node design runs in the real UI in Chromium (browser host), then
// plays back at full speed (20×) while every frame's time is recorded: live node state, edge
// traffic, charts and the timeline all update. Target: median ≥ 55 fps.
// Run with `npx tsx bench/labbench.ts` after `npx electron-vite build`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createHost } from '../src/main/host/services';
import { startWebHost } from '../src/main/host/web/server';
import type { Graph, GraphNode } from '../src/shared/graph';

const ROOT = path.resolve(__dirname, '..');
const SERVICES = 97;

/** Users → load balancer → 97 stateless instances → one database: 100 nodes, 195 edges. */
export function tierOf100(): Graph {
  const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, kind: 'request' as const, props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } });
  const nodes: GraphNode[] = [
    { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 600 }, props: { users: 2000, rps: 1500 } },
    { id: 'lb', kind: 'load-balancer', label: 'LB', position: { x: 240, y: 600 }, props: {} },
    { id: 'db', kind: 'database', label: 'DB', position: { x: 1200, y: 600 }, props: { capacityRps: 100000 } },
  ];
  const edges = [edge('users', 'lb')];
  for (let i = 0; i < SERVICES; i++) {
    const id = `s${i}`;
    nodes.push({ id, kind: 'service', label: `S${i}`, position: { x: 500 + (i % 3) * 220, y: Math.floor(i / 3) * 40 }, props: {} });
    edges.push(edge('lb', id), edge(id, 'db'));
  }
  return { format: 'statelab.graph', version: 1, nodes, edges };
}

async function frameTimes(page: Page, whilePlaying: () => Promise<void>): Promise<number[]> {
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.stop_ = false;
    const loop = (t) => { window.frames_.push(t); if (!window.stop_) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  await whilePlaying();
  const stamps = (await page.evaluate('(() => { window.stop_ = true; return window.frames_; })()')) as number[];
  return stamps.slice(1).map((t, i) => t - stamps[i]!);
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function main(): Promise<void> {
  const host = createHost({ host: 'web', builtinPackDirs: [path.join(ROOT, 'lessons', 'stateless-vs-stateful')], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-labbench-')) });
  const web = await startWebHost({ dispatch: host.dispatch, rendererDir: path.join(ROOT, 'out', 'renderer'), port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(web.url);
    await page.locator('.react-flow__node').first().waitFor();
    const graph = tierOf100();
    await page.getByTestId('open-file-input').setInputFiles({ name: 'tier100.statelab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
    await page.getByText(`${graph.nodes.length} nodes · ${graph.edges.length} connections`).waitFor();
    const started = Date.now();
    await page.getByRole('button', { name: /Run/ }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 120_000 });
    console.log(`simulated and loaded the run of ${graph.nodes.length} nodes in ${Date.now() - started} ms`);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByLabel('Speed').selectOption('20');
    const intervals: number[] = [];
    for (let round = 0; round < 3; round++) {
      await page.getByRole('button', { name: 'To start' }).click();
      intervals.push(
        ...(await frameTimes(page, async () => {
          await page.getByRole('button', { name: 'Play' }).click();
          await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
        })),
      );
    }
    const median = quantile(intervals, 0.5);
    console.log(`playback frames ${intervals.length}  median ${median.toFixed(1)} ms (${(1000 / median).toFixed(1)} fps)  p95 ${quantile(intervals, 0.95).toFixed(1)} ms  max ${Math.max(...intervals).toFixed(1)} ms`);
    console.log(`${1000 / median >= 55 ? 'PASS' : 'BELOW TARGET'}: median ${(1000 / median).toFixed(1)} fps (target ≥ 55)`);
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
