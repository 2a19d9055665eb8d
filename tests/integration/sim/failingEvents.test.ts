/**
 * The event log says why requests fail: a node that starts failing requests for a reason logs one
 * line naming itself, the reason and, where the simulator knows it, what is missing; once per
 * burst (again only after a quiet second), in the student's language, and never for a healthy
 * design before anything went wrong.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim/index';
import { FAILURE_REASON_KEYS, FAILURE_REASONS } from '../../../src/shared/failureReasons';
import type { Graph } from '../../../src/shared/graph';
import { EVENT_TEXTS, FAILING_TEXT, eventText } from '../../../src/shared/i18n/eventTexts';
import type { RunEvent, RunResult } from '../../../src/shared/metrics';
import type { Scenario } from '../../../src/shared/scenario';
import { tier } from '../../unit/sim/helpers';

const PACK = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');
const lessonFiles = readdirSync(path.join(PACK, 'lessons')).filter((f) => f.endsWith('.lesson.json')).sort();

function lesson(file: string, design: 'reference' | 'starter'): { graph: Graph; scenario: Scenario } {
  const { scenario } = JSON.parse(readFileSync(path.join(PACK, 'lessons', file), 'utf8')) as { scenario: Scenario };
  const graph = JSON.parse(readFileSync(path.join(PACK, 'graphs', file.replace('.lesson.json', `.${design}.json`)), 'utf8')) as Graph;
  return { graph, scenario };
}

const failing = (run: RunResult, node?: string): RunEvent[] => run.events.filter((e) => e.kind === 'failing' && (node === undefined || e.node === node));
/** A node's failures of one counter over the whole run (its answers with that reason). */
const failures = (run: RunResult, node: string, counter: string): number => (run.buckets.counters[node]?.[counter as 'failNoRoute'] ?? []).reduce((a, b) => a + b, 0);

describe('lesson 10 with "Owns partitions" unticked', () => {
  const { graph, scenario } = lesson('10-rooms.lesson.json', 'reference');
  for (const n of graph.nodes) if (n.props.ownsPartitions === true) n.props.ownsPartitions = false;
  const run = simulate(graph, scenario);

  it('every request fails, and the log says at once that the gateway has no route because no instance owns the partition', () => {
    expect(run.summary.errorRate).toBe(1);
    const lines = failing(run, 'gateway');
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.atMs).toBeLessThan(1000);
    expect(line.message).toMatch(/^gateway fails requests with no route: no instance owns partition \d+\.$/);
    const zh = eventText(line, 'zh-CN');
    expect(zh).toContain('gateway');
    expect(zh).toContain('无路由');
    expect(zh).toMatch(/没有实例拥有分区 \d+/);
  });

  it('logs it once for the whole burst, though the gateway refused many requests', () => {
    expect(failures(run, 'gateway', FAILURE_REASONS.noRoute.counter)).toBeGreaterThan(50);
    expect(failing(run, 'gateway').filter((e) => e.textKey?.startsWith('failing.noRoute'))).toHaveLength(1);
    // The users' side: their messages time out waiting for a connection, said once too.
    expect(failing(run, 'users').map((e) => e.textKey)).toEqual(['failing.timeout.no-connection']);
  });

  it('ticked again, the same lesson logs no failure before its first fault', () => {
    const ok = lesson('10-rooms.lesson.json', 'reference');
    const healthy = simulate(ok.graph, ok.scenario);
    const first = Math.min(...healthy.faults.map((f) => f.atMs));
    expect(failing(healthy).filter((e) => e.atMs < first)).toEqual([]);
  });
});

describe('bursts', () => {
  // One instance behind the balancer: crashed, back, crashed again. Each outage is one burst of
  // "no route" at the balancer once it has marked the instance unhealthy.
  const g = tier({ services: 1, lb: { healthCheck: { intervalMs: 200, unhealthyAfter: 2, healthyAfter: 1 } }, service: { startupMs: 200 } });
  const run = simulate(g, {
    seed: 4,
    durationMs: 12_000,
    faults: [
      { id: 'c1', atMs: 2000, action: 'crash', target: 'api-1' },
      { id: 'r1', atMs: 4000, action: 'restart', target: 'api-1' },
      { id: 'c2', atMs: 8000, action: 'crash', target: 'api-1' },
    ],
  });

  it('logs one line per reason per outage at the balancer, not one per failed request', () => {
    const noRoute = failing(run, 'lb').filter((e) => e.textKey === 'failing.noRoute');
    expect(noRoute.map((e) => Math.floor(e.atMs / 1000))).toEqual([2, 8]);
    expect(noRoute[0]!.message).toBe('lb fails requests with no route: none of its targets is healthy.');
    const down = failing(run, 'lb').filter((e) => e.textKey === 'failing.down');
    expect(down.map((e) => e.message)).toEqual(['lb fails requests as down: api-1 is down.', 'lb fails requests as down: api-1 is down.']);
    expect(failures(run, 'lb', 'failNoRoute')).toBeGreaterThan(500);
  });

  it('is the same log for the same run', () => {
    const again = simulate(g, { seed: 4, durationMs: 12_000, faults: run.faults.map(({ id, atMs, action, target }) => ({ id, atMs, action, target })) as Scenario['faults'] });
    expect(again.traceHash).toBe(run.traceHash);
    expect(again.events).toEqual(run.events);
  });
});

describe('every built-in lesson', () => {
  it('has a reason sentence in both languages for every failure reason', () => {
    for (const reason of FAILURE_REASON_KEYS) {
      const t = EVENT_TEXTS[FAILING_TEXT[reason]];
      expect(t.en, reason).toContain(reason === 'fenced' ? 'fenced' : FAILURE_REASONS[reason].label);
      expect(t['zh-CN'], reason).toMatch(/\p{Script=Han}/u);
    }
  });

  it("reference design logs no failure before its first fault (a healthy design makes no noise)", () => {
    const noisy: string[] = [];
    for (const file of lessonFiles) {
      const { graph, scenario } = lesson(file, 'reference');
      const run = simulate(graph, scenario);
      const first = Math.min(run.durationMs, ...run.faults.map((f) => f.atMs));
      for (const e of failing(run).filter((x) => x.atMs < first)) noisy.push(`${file}: ${e.message}`);
    }
    expect(noisy).toEqual([]);
  }, 120_000);

  it('starter of lesson 3 (sessions in memory, round robin) says where sessions go missing', () => {
    const { graph, scenario } = lesson('03-session-state.lesson.json', 'starter');
    const run = simulate(graph, scenario);
    const lines = failing(run).filter((e) => e.atMs < 12_000);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(graph.nodes.length);
    for (const e of lines) expect(e.message).toMatch(/fails requests with session lost: the users' sessions are not in its memory\./);
  });
});
