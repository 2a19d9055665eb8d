// Lessons 14 and 12 pass only once the router refreshes its owner map often (ownerRefreshMs), a
// field the properties form keeps under "Advanced": the text that asks about it says where it is.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../src/renderer/src/i18n/resources';
import { NODE_FIELD_RULES } from '../../../src/shared/nodeProps';
import { PACK_DIR } from './expectations';

describe('a lesson step about a setting the form keeps under Advanced', () => {
  it('lesson 14 says to open the gateway\'s Advanced settings, in English and Chinese', () => {
    expect(NODE_FIELD_RULES['load-balancer']?.ownerRefreshMs?.advanced).toBe(true);
    const lesson = JSON.parse(readFileSync(`${PACK_DIR}/lessons/14-stateful-deploy.lesson.json`, 'utf8'));
    const step = lesson.steps.find((s: { en: string }) => s.en.includes('who owns what')) as { en: string; 'zh-CN': string };
    expect(step.en).toContain(`**${(RESOURCES.en.properties as { advanced: string }).advanced}**`);
    expect(step['zh-CN']).toContain(`**${(RESOURCES['zh-CN'].properties as { advanced: string }).advanced}**`);
  });

  it('the capstone\'s error-rate hint points at the partition router\'s Advanced settings too (a 500 ms refresh fails it)', () => {
    const lesson = JSON.parse(readFileSync(`${PACK_DIR}/lessons/12-capstone.lesson.json`, 'utf8'));
    const hint = lesson.checks.find((c: { id: string }) => c.id === 'slo-errors').hint as { en: string; 'zh-CN': string };
    expect(hint.en).toContain(`**${(RESOURCES.en.properties as { advanced: string }).advanced}**`);
    expect(hint['zh-CN']).toContain(`**${(RESOURCES['zh-CN'].properties as { advanced: string }).advanced}**`);
  });
});

describe("lesson 14's deploy hint", () => {
  it('names the reason a replica-recovering owner without replication connections fails, as the error chart words it', async () => {
    const { FAILURE_REASONS } = await import('../../../src/shared/failureReasons');
    const { simulate } = await import('../../../src/main/sim');
    const { readMetric } = await import('../../../src/shared/metrics/read');
    const lesson = JSON.parse(readFileSync(`${PACK_DIR}/lessons/14-stateful-deploy.lesson.json`, 'utf8'));
    const reference = JSON.parse(readFileSync(`${PACK_DIR}/graphs/14-stateful-deploy.reference.json`, 'utf8'));
    // The reference with its replication connections taken away: a plausible first try.
    const unwired = { ...reference, edges: reference.edges.filter((e: { kind: string }) => e.kind !== 'replication') };
    const run = simulate(unwired, lesson.scenario);
    expect(readMetric(run, 'failedNotWired', { fromMs: 0, toMs: lesson.scenario.durationMs })).toBeGreaterThan(0);
    const hint = lesson.checks.find((c: { id: string }) => c.id === 'deploy-errors').hint as { en: string; 'zh-CN': string };
    expect(hint.en).toContain(`*${FAILURE_REASONS.notWired.label}*`);
    expect(hint['zh-CN']).toContain(`*${(RESOURCES['zh-CN'].domain as { reasons: Record<string, string> }).reasons.notWired}*`);
  });
});

describe('a quiz decided by a metric per node (which owner, which replica, which users)', () => {
  it.each(readdirSync(`${PACK_DIR}/lessons`).filter((f) => f.endsWith('.lesson.json')))('%s: each choice names its node as the chart legends do (`own-1`), in both languages', (file) => {
    const lesson = JSON.parse(readFileSync(`${PACK_DIR}/lessons/${file}`, 'utf8')) as { checks: { type: string; answer?: unknown; choices?: { id: string; text: Record<string, string> }[] }[] };
    for (const quiz of lesson.checks.filter((c) => c.type === 'quiz' && typeof c.answer === 'object')) {
      for (const choice of quiz.choices ?? []) for (const locale of ['en', 'zh-CN']) expect(choice.text[locale], `${choice.id} (${locale})`).toContain(`\`${choice.id}\``);
    }
  });
});

describe("the capstone's promises", () => {
  it('list every check that scores, the healthy-node one too (it failed students who turned detection to its extreme)', () => {
    const lesson = JSON.parse(readFileSync(`${PACK_DIR}/lessons/12-capstone.lesson.json`, 'utf8'));
    const step = lesson.steps.find((s: { en: string }) => s.en.startsWith('The promises')) as { en: string; 'zh-CN': string };
    expect(lesson.checks.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['slo-no-false-alarms', 'slo-state-kept']));
    for (const words of ['2%', '150 ms', 'session', 'comes back empty', 'lost or conflicting write', 'healthy node']) expect(step.en).toContain(words);
    for (const words of ['2%', '150 毫秒', '会话', '变空', '冲突写入', '健康的节点']) expect(step['zh-CN']).toContain(words);
  });
});
