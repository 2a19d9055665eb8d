// The glossary (src/shared/glossary.ts) is the one source of the course's terms: lessons link
// only terms it has, and the Chinese lesson texts say its Chinese term wherever the English names it.
import { describe, expect, it } from 'vitest';
import { loadPackFolder } from '../../../src/main/packs/folder';
import type { LocalizedText } from '../../../src/shared/checks';
import { GLOSSARY, GLOSSARY_BY_ID, GLOSSARY_LINK, enForms, glossaryLinks, zhForms } from '../../../src/shared/glossary';
import type { Lesson } from '../../../src/shared/lesson';
import { PACK_DIR } from './expectations';
import { lessonTexts } from '../../support/lessonTexts';

const pack = await loadPackFolder(PACK_DIR);
const HAN = /\p{Script=Han}/u;

/** Every en/zh-CN text pair of a lesson, objectives included, with the lesson id in its path. */
const pairs = (lesson: Lesson): [string, LocalizedText][] => lessonTexts(lesson, { withObjectives: true }).map(([path, text]) => [`${lesson.id} ${path}`, text]);
const all = pack.lessons.flatMap((l) => pairs(l.lesson));

const names = (en: string, form: string) => new RegExp(`(^|[^a-z])${form.replace(/[- ]/g, '[- ]')}($|[^a-z])`, 'i').test(en);

describe('the glossary', () => {
  it('has the course terms with the Chinese terms the course uses', () => {
    const zh = Object.fromEntries(GLOSSARY.map((e) => [e.en.term, e['zh-CN'].term]));
    expect(zh).toMatchObject({
      'load balancer': '负载均衡器',
      'sticky session': '粘性会话（会话保持）',
      'consistent hashing': '一致性哈希',
      failover: '故障转移',
      'replication lag': '复制延迟',
      'split brain': '脑裂',
      'fencing token': '隔离令牌（fencing token）',
      lease: '租约',
      epoch: '纪元（epoch）',
      drain: '排空（drain）',
      stateless: '无状态',
      stateful: '有状态',
      'session store': '会话存储',
      'health check': '健康检查',
      partition: '分区',
      owner: '所有者',
      quorum: '法定人数',
      idempotency: '幂等性',
      backpressure: '背压',
      'warm-up': '预热',
    });
  });

  it('gives every term a unique link id and a one-line definition in both languages', () => {
    expect(GLOSSARY_BY_ID.size).toBe(GLOSSARY.length);
    for (const e of GLOSSARY) {
      expect(`glossary:${e.id}`).toMatch(GLOSSARY_LINK);
      expect(e.en.definition, e.id).toMatch(/^[A-Z].{20,200}\.$/);
      expect(e['zh-CN'].definition, e.id).toMatch(HAN);
      expect(e['zh-CN'].definition, e.id).toMatch(/。$/);
      expect(e['zh-CN'].definition.split('。')).toHaveLength(2);
    }
  });
});

describe('glossary terms in the lessons', () => {
  it('links only terms the glossary has, and links the same terms in both languages of a step', () => {
    const linked = new Set<string>();
    for (const [path, text] of all.filter(([p]) => p.includes('steps['))) {
      const en = glossaryLinks(text.en);
      for (const id of en) expect(GLOSSARY_BY_ID.has(id), `${path}: glossary:${id}`).toBe(true);
      expect(glossaryLinks(text['zh-CN'] ?? '').sort(), path).toEqual(en.sort());
      en.forEach((id) => linked.add(id));
    }
    // The lessons link the terms they teach, not one or two of them.
    expect(linked.size).toBeGreaterThanOrEqual(15);
  });

  it("says the glossary's Chinese term wherever the English names a term", () => {
    const mismatches: string[] = [];
    for (const [path, text] of all) {
      for (const e of GLOSSARY) {
        if (!enForms(e).some((form) => names(text.en, form))) continue;
        if (!zhForms(e).some((form) => text['zh-CN']?.includes(form))) mismatches.push(`${path} [${e.id}]: ${text['zh-CN']}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('uses none of the words the glossary replaces (摘流量 is 排空（drain）)', () => {
    const found: string[] = [];
    for (const [path, text] of all) for (const e of GLOSSARY) for (const word of e['zh-CN'].avoid ?? []) if (text['zh-CN']?.includes(word)) found.push(`${path}: ${word} → ${e['zh-CN'].term}`);
    expect(found).toEqual([]);
  });
});
