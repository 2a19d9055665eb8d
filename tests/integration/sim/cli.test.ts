/** The CLI runs the same engine in a separate process: same trace hash; bad input → path + non-zero exit. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim/index';
import { METRIC_NAMES } from '../../../src/shared/metrics';
import { readMetric } from '../../../src/shared/metrics/read';
import { cliArgs } from '../../support/bundledCli';
import { GOLDEN } from './goldenScenarios';

const root = new URL('../../../', import.meta.url).pathname;
const simCli = await cliArgs('src/cli/sim.ts');
const cli = (...args: string[]) => spawnSync(process.execPath, [...simCli, ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'statelab-sim-'));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

describe('sim CLI', () => {
  it('prints the same trace hash as an in-process run, for a scenario file and for a lesson', () => {
    const { graph, scenario } = GOLDEN['sticky-sessions-crash']!;
    const inProcess = simulate(graph, scenario);
    const g = write('g.json', graph);
    const asScenario = cli(g, '--scenario', write('s.json', scenario), '--json');
    expect(asScenario.status).toBe(0);
    const out = JSON.parse(asScenario.stdout) as { traceHash: string; summary: Record<string, number> };
    expect(out.traceHash).toBe(inProcess.traceHash);
    expect(out.summary.sessionsLost).toBe(inProcess.summary.sessionsLost);
    const asLesson = cli(g, '--scenario', write('l.json', { format: 'statelab.lesson', scenario }), '--json');
    expect(JSON.parse(asLesson.stdout).traceHash).toBe(inProcess.traceHash);
    const reseeded = cli(g, '--scenario', write('s2.json', scenario), '--seed', '8', '--json');
    expect(JSON.parse(reseeded.stdout).traceHash).toBe(simulate(graph, { ...scenario, seed: 8 }).traceHash);
  });

  it('prints "—" for a metric that measured nothing, and leaves it out of --json', () => {
    const { graph } = GOLDEN['stateless-tier-crash']!;
    const idle = { ...graph, nodes: graph.nodes.map((n) => (n.kind === 'client' ? { ...n, props: { ...n.props, rps: 0 } } : n)) };
    const g = write('idle.json', idle);
    const text = cli(g, '--duration', '2000');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Error rate +— +fraction/);
    expect(text.stdout).toMatch(/Recovery time +— +ms/);
    expect(text.stdout).toMatch(/Requests +0 +count/);
    const json = JSON.parse(cli(g, '--duration', '2000', '--json').stdout) as { summary: Record<string, unknown> };
    expect(json.summary).not.toHaveProperty('errorRate');
    expect(json.summary.requests).toBe(0);
  });

  it('prints a readable summary with the trace hash', () => {
    const res = cli(write('g2.json', GOLDEN['stateless-tier-crash']!.graph));
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/Error rate/);
    expect(res.stdout).toMatch(/trace hash: [0-9a-f]{16}/);
  });

  it('names the JSON path of a bad node prop and exits non-zero', () => {
    const { graph } = GOLDEN['stateless-tier-crash']!;
    const bad = structuredClone(graph);
    bad.nodes[2]!.props = { workers: 'many' };
    const res = cli(write('bad.json', bad));
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('nodes[2].props.workers');
  });

  it('stops a design at 1,000,000 rps with the event-budget message and a non-zero exit, quickly', () => {
    const { graph } = GOLDEN['stateless-tier-crash']!;
    const flood = { ...graph, nodes: graph.nodes.map((n) => (n.kind === 'client' ? { ...n, props: { ...n.props, rps: 1_000_000 } } : n)) };
    const started = performance.now();
    const res = cli(write('flood.json', flood), '--duration', '60000');
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("This design generates more than 5,000,000 events; reduce the request rate or the run's duration.");
    expect(performance.now() - started).toBeLessThan(60_000); // about 3 s on an idle machine; the run itself would take minutes
  }, 120_000);

  it('names the JSON path of a bad scenario field, and refuses broken JSON', () => {
    const g = write('g3.json', GOLDEN['stateless-tier-crash']!.graph);
    const res = cli(g, '--scenario', write('bad-s.json', { seed: 1, durationMs: 1000, faults: [{ atMs: 5, action: 'explode', target: 'api-1' }] }));
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('faults[0].action');
    const broken = cli(write('broken.json', '{"format": "statelab.graph", "nodes": ['));
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/not valid JSON/);
  });

  it('--json carries every catalogue metric (null where nothing was measured), the in-flight count, and reads a window and a node', () => {
    const { graph, scenario } = GOLDEN['stateless-tier-crash']!;
    const g = write('w.json', graph);
    const s = write('ws.json', scenario);
    const whole = JSON.parse(cli(g, '--scenario', s, '--json').stdout) as { metrics: Record<string, number | null>; requestsInFlight: number };
    expect(Object.keys(whole.metrics).sort()).toEqual([...METRIC_NAMES].sort());
    expect(whole.metrics.recoveryTimeMs === null || typeof whole.metrics.recoveryTimeMs === 'number').toBe(true);
    expect(typeof whole.requestsInFlight).toBe('number');
    const run = simulate(graph, scenario);
    expect(whole.requestsInFlight).toBe(run.requestsInFlight);
    // The crash window at api-2: what the grader reads there, not the whole run.
    const crash = JSON.parse(cli(g, '--scenario', s, '--window', '4000,7000', '--node', 'api-2', '--json').stdout) as { metrics: Record<string, number | null>; node: string };
    expect(crash.node).toBe('api-2');
    expect(crash.metrics.requests).toBe(readMetric(run, 'requests', { fromMs: 4000, toMs: 7000 }, 'api-2'));
    expect(crash.metrics.requests).toBeLessThan(readMetric(run, 'requests', {}, 'api-2'));
    expect(crash.metrics.instancesUp).toBe(0);
    // api-2 is down the whole window: a ratio measured nothing there → null, never 0.
    expect(crash.metrics.queueWaitMs).toBeNull();
  });

  it('refuses a bad --window and an unknown --node with a message naming the problem', () => {
    const g = write('w2.json', GOLDEN['stateless-tier-crash']!.graph);
    const back = cli(g, '--window', '5000,1000');
    expect(back.status).not.toBe(0);
    expect(back.stderr).toContain('--window: TO (1000) must be after FROM (5000)');
    const junk = cli(g, '--window', 'soon');
    expect(junk.stderr).toContain('expected FROM,TO');
    const ghost = cli(g, '--node', 'api-9', '--duration', '1000');
    expect(ghost.status).not.toBe(0);
    expect(ghost.stderr).toContain('no node "api-9"');
  });
});
