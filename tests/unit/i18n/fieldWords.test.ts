/** A field's JSON path in words, as a pack problem's sentence names it (in both languages). */
import { describe, expect, it } from 'vitest';
import { messageText } from '../../../src/shared/i18n/errorTexts';
import { fieldWords, settingWords } from '../../../src/shared/i18n/fieldWords';

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

  it('reads zod’s path segments (a range end that breaks the scenario) and a node’s setting', () => {
    expect(words(['faults', 0, 'atMs'])).toBe('Fault 1 › Time');
    expect(words(['durationMs'], 'zh-CN')).toBe('持续时间');
    expect(messageText(settingWords(['rps']), 'en')).toBe('setting “rps”');
    // Nothing a JSON path would show is left in the words.
    for (const path of ['predictions[0].choices[3].text', 'scenario.faults[id=x].params.rate', 'checks[2].window']) expect(words(path)).not.toMatch(/\[|\]|\w\.\w/);
  });
});
