import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFault, describeFaultIn, lessonFaultsInTimeOrder } from '../../../src/renderer/src/lab/faultMenu';
import { createI18n } from '../../../src/renderer/src/i18n/i18n';
import { domainWords, eventLine } from '../../../src/renderer/src/i18n/useDomain';
import type { RunEvent } from '../../../src/shared/metrics';
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

describe("the event log's line for a fault", () => {
  const event: RunEvent = { atMs: 240, kind: 'fault', node: 'api-1', message: 'Fault lab-crash-1: crash api-1.', params: { fault: 'lab-crash-1', action: 'crash', target: 'api-1' } };
  const d = (locale: 'en' | 'zh-CN') => createI18n(locale).getFixedT(locale, 'domain');

  it('names the action and the node, not the fault\'s id, in both languages', () => {
    expect(eventLine(event, 'en', d('en'), nodeNamer(nodes, names, 'en'))).toBe('Crash on API 1.');
    expect(eventLine(event, 'zh-CN', d('zh-CN'), nodeNamer(nodes, names, 'zh-CN'))).toBe(`对 ${names['api-1']!['zh-CN']} 施加“崩溃”。`);
    // A role target in words.
    const role = eventLine({ ...event, params: { ...event.params, target: '@busiest-service' } }, 'en', d('en'));
    expect(role).not.toContain('@');
    // Another event keeps its own sentence.
    expect(eventLine({ atMs: 1, kind: 'crashed', message: 'api-1 crashed.', params: { node: 'api-1' } }, 'en', d('en'), nodeNamer(nodes, names, 'en'))).toBe('API 1 crashed.');
  });
});

describe("the lesson's own faults as the lab lists them", () => {
  it('lists them in the order they happen, each by the id windows and the event log know it by', () => {
    // A scenario may list its faults in any order; an unnamed one is "<action>-<index>" by its place in the scenario.
    const faults: Fault[] = [
      { id: 'back', atMs: 7000, action: 'restart', target: 'api-1' },
      { atMs: 4000, action: 'crash', target: 'api-1' },
      { id: 'spike', atMs: 4000, action: 'traffic-spike', target: 'users', params: { factor: 2 } },
    ];
    expect(lessonFaultsInTimeOrder(faults).map(({ id, fault }) => [id, fault.atMs])).toEqual([
      ['crash-1', 4000],
      ['spike', 4000],
      ['back', 7000],
    ]);
    // The scenario itself is left as it was.
    expect(faults.map((f) => f.atMs)).toEqual([7000, 4000, 4000]);
  });

  it("reads each as an injected fault reads, in the student's language (lesson 1's crash of API 2)", () => {
    const { fault } = lessonFaultsInTimeOrder([{ id: 'crash', atMs: 10_000, action: 'crash', target: 'api-2' }])[0]!;
    expect(describeFaultIn(fault, 'en', words('en'), nodeNamer([{ id: 'api-2', label: 'API 2' }], names, 'en'))).toBe('10.0 s · Crash API 2');
    expect(describeFaultIn(fault, 'zh-CN', words('zh-CN'), nodeNamer([{ id: 'api-2', label: 'API 2' }], names, 'zh-CN'))).toBe(`10.0秒 · 崩溃 ${names['api-2']!['zh-CN']}`);
  });
});
