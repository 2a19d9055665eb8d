// Lessons 14 and 12 pass only once the router refreshes its owner map often (ownerRefreshMs), a
// field the properties form keeps under "Advanced": the text that asks about it says where it is.
import { readFileSync } from 'node:fs';
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
