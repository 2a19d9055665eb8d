/** A field's JSON path in words, as a pack problem's sentence names it (in both languages). */
import { describe, expect, it } from 'vitest';
import { messageText } from '../../../src/shared/i18n/errorTexts';
import { fieldWords, graphKinds, settingWords } from '../../../src/shared/i18n/fieldWords';
import { domainZhCN } from '../../../src/shared/i18n/domainZhCN';
import { labelOf } from '../../../src/renderer/src/properties/schemaFields';

const words = (path: string | readonly PropertyKey[], locale = 'en') => messageText(fieldWords(path), locale);

describe('fieldWords', () => {
  it('names list items by number or id and fields by the studio’s labels', () => {
    expect(words('predictions[1].choices[0].text')).toBe('Prediction 2 › Choice 1');
    expect(words('predictions[1].choices[0].text', 'zh-CN')).toBe('预测 2 › 选项 1');
    expect(words('notesSection.summary')).toBe('Course notes section › Summary');
    expect(words('variants.parameters[0].label')).toBe('Per-student range 1 › What the student sees it called');
    expect(words('scenario.faults[id=crash].atMs')).toBe('Scenario › Fault “crash” › Time');
    expect(words('starter.nodes[id=api-2].props.healthCheck.intervalMs')).toBe('Starter › Node “api-2” › setting “healthCheck.intervalMs”');
    expect(words('scenario.faults[0].params.factor', 'zh-CN')).toBe('场景 › 故障 1 › 参数“factor”');
  });

  it('names a node’s setting by the properties panel’s labels when the node’s kind is known, in both languages', () => {
    const starter = { nodes: [{ id: 'users', kind: 'client' }, { id: 'lb', kind: 'load-balancer' }] };
    const inStarter = (path: string, locale: string) => messageText(fieldWords(path, graphKinds(starter)), locale);
    expect(inStarter('starter.nodes[id=lb].props.healthCheck.intervalMs', 'en')).toBe('Starter › Node “lb” › Health check › Interval');
    expect(inStarter('starter.nodes[id=lb].props.healthCheck.intervalMs', 'zh-CN')).toBe('初始设计 › 节点“lb” › 健康检查 › 间隔');
    expect(inStarter('starter.nodes[1].props.policy', 'zh-CN')).toBe('初始设计 › 节点 2 › 策略');
    expect(inStarter('starter.nodes[id=users].props.tokenTtlMs', 'en')).toBe('Starter › Node “users” › setting “tokenTtlMs”');
    // A target's weight: the setting by its label, the target by its id.
    expect(inStarter('starter.nodes[id=lb].props.weights.api-1', 'en')).toBe('Starter › Node “lb” › Weights › “api-1”');
    // Every label is the properties panel's: the English derived from the key, the Chinese the domain namespace's.
    expect(messageText(settingWords(['healthCheck', 'unhealthyAfter'], 'load-balancer'), 'zh-CN')).toBe(`${domainZhCN.props['load-balancer'].healthCheck.label} › ${domainZhCN.props['load-balancer'].healthCheck.unhealthyAfter.label}`);
    expect(messageText(settingWords(['tokenTtlMs'], 'service'), 'en')).toBe(labelOf('tokenTtlMs'));
  });

  it('reads zod’s path segments (a range end that breaks the scenario) and a node’s setting', () => {
    expect(words(['faults', 0, 'atMs'])).toBe('Fault 1 › Time');
    expect(words(['durationMs'], 'zh-CN')).toBe('持续时间');
    expect(messageText(settingWords(['rps'], 'client'), 'en')).toBe('Rate');
    expect(messageText(settingWords(['rps'], 'client'), 'zh-CN')).toBe('速率');
    // Nothing a JSON path would show is left in the words.
    for (const path of ['predictions[0].choices[3].text', 'scenario.faults[id=x].params.rate', 'checks[2].window']) expect(words(path)).not.toMatch(/\[|\]|\w\.\w/);
  });
});
