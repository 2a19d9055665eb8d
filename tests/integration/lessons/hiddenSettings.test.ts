// Lesson 14 passes only once the gateway refreshes its owner map often (ownerRefreshMs), a field
// the properties form keeps under "Advanced": the step that asks about it says where it is.
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
});
