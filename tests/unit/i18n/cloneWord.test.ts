// In 简体中文 the course calls a replica 副本 (recover from a replica, replication waits for 副本).
// A scale-out clone was called 副本 too ("已添加 part-1~1，作为 part-1 的副本", "+1 个副本" on the
// node): in lesson 7 that reads as if the new partition owner arrived with part-1's data, the
// opposite of what the lesson shows. Clones are 克隆.
import { describe, expect, it } from 'vitest';
import { domainZhCN } from '../../../src/shared/i18n/domainZhCN';
import { zhCN } from '../../../src/renderer/src/i18n/locales/zhCN';
import { EVENT_TEXTS } from '../../../src/shared/i18n/eventTexts';

describe('a scale-out clone is not called a replica in Chinese', () => {
  it('the event log, the node badge and the fault say 克隆, not 副本', () => {
    const texts = [EVENT_TEXTS['scaled-out']['zh-CN'], zhCN.canvas.clones_other, domainZhCN.faults['scale-out'].description];
    for (const text of texts) {
      expect(text).toContain('克隆');
      expect(text).not.toContain('副本');
    }
    // 副本 keeps its meaning: a replica to recover from.
    expect(domainZhCN.props.service.recoverFrom.options.replica).toBe('副本');
  });
});
