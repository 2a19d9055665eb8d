import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/renderer/src/i18n/i18n';
import { domainWords } from '../../../src/renderer/src/i18n/useDomain';
import { variantTargets } from '../../../src/renderer/src/studio/variantEdit';
import { variantTargetText, variantWords, type VariantWords } from '../../../src/renderer/src/studio/variantNames';
import { loadDocument } from '../../../src/shared/document';
import { graphSpec, type Graph } from '../../../src/shared/graph';
import { nodeNamer, NodeNamesSchema } from '../../../src/shared/nodeNames';
import type { Scenario } from '../../../src/shared/scenario';

// Lesson 1 of the built-in pack: api-2 is "API 2" / "API 实例 2", users "Users" / "用户".
const dir = 'lessons/stateless-vs-stateful';
const lesson = JSON.parse(readFileSync(`${dir}/lessons/01-any-instance.lesson.json`, 'utf8')) as { scenario: Scenario; nodeNames: unknown };
const starter = loadDocument(JSON.parse(readFileSync(`${dir}/graphs/01-any-instance.starter.json`, 'utf8')), graphSpec) as Graph;
const names = NodeNamesSchema.parse(lesson.nodeNames);

function wordsIn(locale: 'en' | 'zh-CN'): VariantWords {
  const i18n = createI18n(locale);
  const t = i18n.getFixedT(locale, 'studio');
  const d = domainWords(i18n.getFixedT(locale, 'domain'));
  return variantWords(t, d, nodeNamer(starter.nodes, names, locale, starter.edges));
}

const targets = variantTargets(lesson.scenario, starter);
const target = (path: string) => {
  const found = targets.find((x) => x.path === path);
  if (!found) throw new Error(`no target ${path}`);
  return found;
};

describe('what a per-student range sets, as an instructor reads it', () => {
  it('a fault\'s time by the fault as the timeline names it, not its id or path', () => {
    const crash = target('scenario.faults[id=crash].atMs');
    expect(variantTargetText(crash, wordsIn('en'))).toBe('Time of fault “Crash API 2”');
    expect(variantTargetText(crash, wordsIn('zh-CN'))).toBe('故障“崩溃 API 实例 2”的时间');
  });

  it('a node\'s setting by the node\'s name and the properties panel\'s label, a nested one by its group too', () => {
    const rps = target('starter.nodes[id=users].props.rps');
    expect(variantTargetText(rps, wordsIn('en'))).toBe('Rate of node “Users”');
    expect(variantTargetText(rps, wordsIn('zh-CN'))).toBe('节点“用户”的速率');
    const interval = target('starter.nodes[id=lb].props.healthCheck.intervalMs');
    const en = variantTargetText(interval, wordsIn('en'));
    expect(en).toMatch(/^Health check › Interval of node “Load balancer”$/);
    const zh = variantTargetText(interval, wordsIn('zh-CN'));
    expect(zh).toContain('负载均衡器');
    expect(zh).not.toMatch(/[A-Za-z]/);
    // No target reads as a raw path or a camelCase key in either language.
    for (const x of targets) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const text = variantTargetText(x, wordsIn(locale));
        expect(text).not.toContain('starter.');
        expect(text).not.toMatch(/[a-z][A-Z]/);
      }
    }
  });
});
