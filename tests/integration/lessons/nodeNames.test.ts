/** Every node of the built-in lessons has its name in Chinese, and pack:validate refuses names it cannot place. */
import { describe, expect, it } from 'vitest';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { folderSource } from '../../../src/main/packs/source';
import { formatProblem, validatePack } from '../../../src/main/packs/validate';
import { nodeDisplayName } from '../../../src/shared/nodeNames';
import { goodLesson, goodPack, writePack } from '../../unit/packs/fixtures';

const LESSON = 'lessons/session-state.lesson.json';
const CJK = /[\u4e00-\u9fff]/;

describe('node names of the built-in lessons', async () => {
  const pack = await loadPackFolder('lessons/stateless-vs-stateful');

  it.each(pack.lessons.map((l) => [l.lesson.id, l] as const))('%s names every node of its starter and reference in 简体中文', (_, { lesson, starter, reference }) => {
    for (const node of [...starter.nodes, ...(reference?.nodes ?? [])]) {
      const zh = nodeDisplayName(node, lesson.nodeNames, 'zh-CN');
      // Latin product words may stay ("API 1", "WebSocket 服务器 1"), but a name with a word in it reads in Chinese.
      expect(zh, `${lesson.id}: ${node.id}`).toMatch(CJK);
      expect(lesson.nodeNames?.[node.id]?.['zh-CN'], `${lesson.id}: ${node.id}`).toBeTruthy();
      expect(nodeDisplayName(node, lesson.nodeNames, 'en')).toBe(node.label);
    }
  });

  it('no lesson text names a node by its id in backticks unless it glosses the name beside it', () => {
    for (const { lesson } of pack.lessons) {
      const texts = JSON.stringify([lesson.steps, lesson.checks, lesson.debrief ?? null, lesson.predictions]);
      for (const id of Object.keys(lesson.nodeNames ?? {})) {
        const bare = new RegExp(`(?<![(（])\`${id.replace(/[-.]/g, '\\$&')}\``);
        expect(texts, `${lesson.id}: \`${id}\``).not.toMatch(bare);
      }
    }
  });
});

describe('pack:validate and node names', () => {
  const problemsOf = async (nodeNames: unknown) => {
    const lesson = { ...goodLesson(), nodeNames };
    return (await validatePack(folderSource(writePack({ ...goodPack(), [LESSON]: lesson })))).problems.map(formatProblem);
  };

  it('accepts names of the graphs’ nodes in every locale the pack lists', async () => {
    expect(await problemsOf({ lb: { en: 'Load balancer', 'zh-CN': '负载均衡器' }, sessions: { en: 'Sessions', 'zh-CN': '会话' } })).toEqual([]);
  });

  it('rejects a name for a node id no graph of the lesson has, naming the lesson and the id', async () => {
    const problems = await problemsOf({ 'api-9': { en: 'API 9', 'zh-CN': 'API 9' } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${LESSON}: nodeNames.api-9: lesson "session-state" names unknown node "api-9"`);
  });

  it('rejects an English name that is not the node’s label, and a missing locale', async () => {
    const problems = await problemsOf({ lb: { en: 'Balancer', 'zh-CN': '均衡器' }, db: { en: 'Database' } });
    expect(problems).toEqual([
      `${LESSON}: nodeNames.lb.en: lesson "session-state": the English name of node "lb" is "Balancer" but graphs/session-state.starter.json labels it "Load balancer": they must be the same`,
      `${LESSON}: nodeNames.lb.en: lesson "session-state": the English name of node "lb" is "Balancer" but graphs/session-state.reference.json labels it "Load balancer": they must be the same`,
      `${LESSON}: nodeNames.db.zh-CN: lesson "session-state": node "db" has no zh-CN name (the pack lists the locales en, zh-CN)`,
    ]);
  });

  it('rejects an overlong name with its JSON path', async () => {
    const problems = await problemsOf({ lb: { en: 'Load balancer', 'zh-CN': '负'.repeat(201) } });
    expect(problems.join('\n')).toContain('nodeNames.lb.zh-CN');
  });
});
