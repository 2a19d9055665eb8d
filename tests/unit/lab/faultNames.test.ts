import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFault, describeFaultIn } from '../../../src/renderer/src/lab/faultMenu';
import { createI18n } from '../../../src/renderer/src/i18n/i18n';
import { domainWords } from '../../../src/renderer/src/i18n/useDomain';
import { nodeNamer, NodeNamesSchema } from '../../../src/shared/nodeNames';
import type { Fault } from '../../../src/shared/scenario';

// Lesson 1 as the student has it: its nodes' labels and the lesson's names for them.
const lesson = JSON.parse(readFileSync('lessons/stateless-vs-stateful/lessons/01-any-instance.lesson.json', 'utf8')) as { nodeNames: unknown };
const names = NodeNamesSchema.parse(lesson.nodeNames);
const nodes = [
  { id: 'api-1', label: 'API 1' },
  { id: 'lb', label: 'Front door' },
];
const words = (locale: 'en' | 'zh-CN') => domainWords(createI18n(locale).getFixedT(locale, 'domain'));

describe('an injected fault as the student reads it', () => {
  const crash: Fault = { atMs: 4000, action: 'crash', target: 'api-1' };

  it('names the node and the action in English too, not the ids a scenario file writes', () => {
    const text = describeFaultIn(crash, 'en', words('en'), nodeNamer(nodes, names, 'en'));
    expect(text).toBe('4.0 s · Crash API 1');
    expect(text).not.toContain('api-1');
    // The ids stay available (the list's tooltip, for instructors and scenario files).
    expect(describeFault(crash)).toBe('4.0 s · crash api-1');
  });

  it('names them in Chinese, a renamed node by the student\'s name and a role in words', () => {
    expect(describeFaultIn(crash, 'zh-CN', words('zh-CN'), nodeNamer(nodes, names, 'zh-CN'))).toBe(`4.0秒 · 崩溃 ${names['api-1']!['zh-CN']}`);
    const slow: Fault = { atMs: 12_500, action: 'slow', target: 'lb' };
    expect(describeFaultIn(slow, 'en', words('en'), nodeNamer(nodes, names, 'en'))).toBe('12.5 s · Slow down Front door');
    const busiest: Fault = { atMs: 1000, action: 'crash', target: '@busiest-service' };
    const role = describeFaultIn(busiest, 'en', words('en'), nodeNamer(nodes, names, 'en'));
    expect(role).not.toContain('@');
    expect(role.startsWith('1.0 s · Crash ')).toBe(true);
  });
});
