// Lesson 8 (failover): the databases say "Failover after 8000 ms", yet the replica was promoted
// 5.3 s after the crash. A follower asks every third of that time and waits from the leader's last
// answer, which came before the crash. The setting's description (en + zh-CN) now says so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim';
import { domainZhCN } from '../../../src/shared/i18n/domainZhCN';
import { DatabasePropsSchema } from '../../../src/shared/nodeProps';
import { ScenarioSchema } from '../../../src/shared/scenario';

const lesson = JSON.parse(readFileSync('lessons/stateless-vs-stateful/lessons/06-failover.lesson.json', 'utf8'));
const graph = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/06-failover.starter.json', 'utf8'));

describe('"Failover after" says when its wait starts', () => {
  it('lesson 8 promotes the replica sooner after the crash than the setting reads', () => {
    const run = simulate(graph, ScenarioSchema.parse(lesson.scenario));
    const crashAt = lesson.scenario.faults.find((f: { action: string }) => f.action === 'crash').atMs as number;
    const setting = graph.nodes.find((n: { id: string }) => n.id === 'db-primary').props.failoverAfterMs as number;
    const promoted = run.events.find((e) => e.kind === 'failover')!;
    expect(promoted.atMs - crashAt).toBeLessThan(setting);
    expect(promoted.atMs - crashAt).toBeGreaterThan(setting * (2 / 3) - 1);
  });

  it('its description names the last answer as the start, in English and Chinese', () => {
    expect(DatabasePropsSchema.shape.failoverAfterMs.description).toMatch(/last answer/);
    expect(DatabasePropsSchema.shape.failoverAfterMs.description).toMatch(/every third/);
    expect(domainZhCN.props.database.failoverAfterMs.description).toContain('最后一次应答');
  });
});
