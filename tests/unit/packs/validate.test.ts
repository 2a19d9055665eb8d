import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSource } from '../../../src/main/packs/source';
import { formatProblem, loadPack, validatePack } from '../../../src/main/packs/validate';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { goodLesson, goodPack, writePack, type PackFiles } from './fixtures';
import { LESSON_VERSION } from '../../../src/shared/lesson';
import { APP_VERSION } from '../../../src/shared/version';

const problemsOf = async (files: PackFiles) => (await validatePack(folderSource(writePack(files)))).problems.map(formatProblem);
const LESSON = 'lessons/session-state.lesson.json';
const withLesson = (change: (lesson: Record<string, unknown>) => void): PackFiles => {
  const lesson = goodLesson();
  change(lesson);
  return { ...goodPack(), [LESSON]: lesson };
};
const checksOf = (lesson: Record<string, unknown>) => lesson.checks as Record<string, unknown>[];

describe('pack validation', () => {
  it('accepts a good pack, with its starter and reference graphs', async () => {
    const { problems, pack } = await validatePack(folderSource(writePack(goodPack())));
    expect(problems).toEqual([]);
    expect(pack?.lessons.map((l) => [l.lesson.id, l.starter.nodes.length, l.reference?.nodes.length])).toEqual([['session-state', 6, 7]]);
  });

  it('keeps loadPackFolder loading the built-in pack', async () => {
    const pack = await loadPackFolder('lessons/stateless-vs-stateful');
    expect(pack.manifest.id).toBe('stateless-vs-stateful');
    expect(pack.lessons[0]?.starter.format).toBe('statelab.graph');
  });

  it('names an unknown metric, with the closest real one', async () => {
    const problems = await problemsOf(withLesson((l) => (checksOf(l)[0]!.metric = 'sessionLost')));
    expect(problems).toEqual([`${LESSON}: checks[0].metric: unknown metric "sessionLost": expected a metric of src/shared/metrics.ts (did you mean "sessionsLost"?)`]);
  });

  it('names a check that reads an unknown node and a window naming an unscheduled fault', async () => {
    const problems = await problemsOf(
      withLesson((l) => {
        checksOf(l)[0]!.node = 'api-9';
        checksOf(l)[1]!.window = { from: 'fault:crash-api-3+5000', to: 'end' };
      }),
    );
    expect(problems).toEqual([
      `${LESSON}: checks[0].node: unknown node "api-9": expected a node of the starter or reference graph (api-1, api-2, api-3, db, lb, sessions, users)`,
      `${LESSON}: checks[1].window: window names fault "crash-api-3+5000", which the scenario does not schedule (its faults: "crash")`,
    ]);
  });

  it('names a fault aimed at a node the graphs lack, but lets a heal name anything', async () => {
    const problems = await problemsOf(
      withLesson((l) => {
        const scenario = l.scenario as { faults: Record<string, unknown>[] };
        scenario.faults.push({ atMs: 40_000, action: 'slow', target: 'api-7' }, { atMs: 50_000, action: 'heal', target: 'everything' });
      }),
    );
    expect(problems).toEqual([
      `${LESSON}: scenario.faults[1].target: unknown node "api-7": expected a node of the starter or reference graph (api-1, api-2, api-3, db, lb, sessions, users)`,
    ]);
  });

  it("checks a fault's target against its action: an edge only for link-loss, and a node of a kind the action applies to", async () => {
    const problems = await problemsOf(
      withLesson((l) => {
        const scenario = l.scenario as { faults: Record<string, unknown>[] };
        scenario.faults.push(
          { atMs: 40_000, action: 'link-loss', target: 'lb-api-1', params: { rate: 0.2 } },
          { atMs: 41_000, action: 'crash', target: 'lb-api-1' },
          { atMs: 42_000, action: 'cache-flush', target: 'db' },
        );
      }),
    );
    expect(problems.map((p) => p.replace(/ \(api-1.*\)$/, ''))).toEqual([
      `${LESSON}: scenario.faults[2].target: unknown node "lb-api-1": expected a node of the starter or reference graph`,
      `${LESSON}: scenario.faults[3].target: cache-flush applies to cache nodes; "db" is a database`,
    ]);
  });

  it('refuses a parameter the action does not take, naming the ones it does', async () => {
    const problems = await problemsOf(
      withLesson((l) => {
        (l.scenario as { faults: Record<string, unknown>[] }).faults.push({ atMs: 40_000, action: 'crash', target: 'api-1', params: { durationMs: 500 } }, { atMs: 41_000, action: 'pause', target: 'api-1', params: { factor: 2 } });
      }),
    );
    expect(problems.join('\n')).toContain('scenario.faults[1].params.durationMs: "durationMs" does not apply to crash: crash takes no parameters');
    expect(problems.join('\n')).toContain('scenario.faults[2].params.factor: "factor" does not apply to pause: pause takes durationMs');
  });

  it('explains a predicate that matches no shape, and points inside the one it nearly matched', async () => {
    const problems = await problemsOf(
      withLesson((l) => {
        checksOf(l)[2]!.require = { nodes: { kind: 'cache' } };
        checksOf(l).push({ id: 'typo', type: 'structure', forbid: { anyOf: [{ node: { kind: 'cahce' } }] } });
      }),
    );
    expect(problems).toEqual([
      `${LESSON}: checks[2].require: expected one predicate: {node}, {path}, {count}, {prop}, {anyOf}, {allOf} or {not}`,
      `${LESSON}: checks[3].forbid.anyOf[0].node.kind: Invalid option: expected one of "client"|"load-balancer"|"service"|"cache"|"session-store"|"database"|"coordinator"`,
    ]);
  });

  it('reports a missing starter against the lesson field that names it', async () => {
    const files = goodPack();
    delete files['graphs/session-state.starter.json'];
    expect(await problemsOf(files)).toEqual([`${LESSON}: starter: the starter graph "graphs/session-state.starter.json" is missing from the pack`]);
  });

  it('reports every problem at once, each with its file and JSON path', async () => {
    const files = withLesson((l) => (l.locked = ['users', 'ghost']));
    const second = goodLesson();
    second.id = 'second';
    checksOf(second)[1]!.op = '=~';
    files['lessons/second.json'] = second;
    (files['pack.json'] as Record<string, unknown>).lessons = [LESSON, 'lessons/missing.json', 'lessons/second.json'];
    expect(await problemsOf(files)).toEqual([
      `${LESSON}: locked[1]: unknown node "ghost": expected a node of the starter or reference graph (api-1, api-2, api-3, db, lb, sessions, users)`,
      'pack.json: lessons[1]: no file "lessons/missing.json" in the pack',
      'lessons/second.json: checks[1].op: Invalid option: expected one of "<"|"<="|"=="|">="|">"|"!="',
    ]);
  });

  it('refuses __proto__ keys, oversized JSON and invalid JSON with the file named', async () => {
    const proto = { ...goodPack(), [LESSON]: JSON.stringify(goodLesson()).replace('"locked"', '"__proto__": {"polluted": true}, "locked"') };
    expect(await problemsOf(proto)).toEqual([`${LESSON}: (document root): The file "${LESSON}" contains the key "__proto__", which is not allowed in StateLab documents.`]);
    const huge = { ...goodPack(), 'graphs/session-state.starter.json': ' '.repeat(2_000_001) };
    expect(await problemsOf(huge)).toEqual(['graphs/session-state.starter.json: (document root): The file is too large (2,000,001 bytes; the limit is 2,000,000).']);
    const truncated = { ...goodPack(), 'pack.json': '{"format": "statelab.pack",' };
    expect((await problemsOf(truncated))[0]).toMatch(/^pack\.json: \(document root\): The file "pack\.json" is not valid JSON/);
  });

  it('refuses a lesson written by a newer StateLab and a file that is not a lesson', async () => {
    expect(await problemsOf(withLesson((l) => (l.version = 9)))).toEqual([
      `${LESSON}: (document root): This lesson was written by a newer StateLab (version 9; this app reads up to ${LESSON_VERSION}). Update StateLab to open it.`,
    ]);
    expect(await problemsOf(withLesson((l) => (l.format = 'statelab.graph')))).toEqual([
      `${LESSON}: (document root): This is not a StateLab lesson: format: expected "statelab.lesson", found "statelab.graph".`,
    ]);
  });

  it('refuses a glossary link to a term the glossary does not have, naming the step and the terms', async () => {
    const problems = await problemsOf(withLesson((l) => ((l.steps as Record<string, string>[])[0]!['zh-CN'] = '见[粘性会话](glossary:sticky-sessions)与[租约](glossary:lease)。')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${LESSON}: steps\\[0\\]\\.zh-CN: unknown glossary term "sticky-sessions" in a glossary: link: expected one of .*\\bsticky-session\\b`));
    expect(await problemsOf(withLesson((l) => ((l.steps as Record<string, string>[])[0]!.en = 'Try [sticky sessions](glossary:sticky-session).')))).toEqual([]);
  });

  it('refuses raw HTML in steps and duplicate check ids', async () => {
    const problems = await problemsOf(
      withLesson((l) => {
        (l.steps as Record<string, string>[])[0]!.en = 'Press <img src=x onerror=alert(1)>';
        checksOf(l)[1]!.id = 'no-lost-sessions';
      }),
    );
    expect(problems).toEqual([`${LESSON}: checks[1].id: duplicate check id "no-lost-sessions"`]);
    // Raw HTML is caught once the schema passes (cross-references run on a loaded lesson).
    const html = await problemsOf(withLesson((l) => ((l.steps as Record<string, string>[])[0]!.en = 'Press <img src=x onerror=alert(1)>')));
    expect(html).toEqual([`${LESSON}: steps[0].en: raw HTML is not allowed in Markdown steps`]);
  });

  it('refuses predicates nested absurdly deep before checking them', async () => {
    // Written as text: building it as an object would overflow JSON.stringify in the test itself.
    const nested = (depth: number) => {
      const predicate = `${'{"not":'.repeat(depth)}{"node":{"kind":"database"}}${'}'.repeat(depth)}`;
      const lesson = JSON.stringify(withLesson((l) => (checksOf(l)[2] = { id: 'deep', type: 'structure', require: 'DEEP' }))[LESSON]).replace('"DEEP"', predicate);
      return problemsOf({ ...goodPack(), [LESSON]: lesson });
    };
    const deep = [`${LESSON}: checks[2].require${'.not'.repeat(61)}: nested more than 64 levels deep`];
    expect(await nested(500)).toEqual(deep);
    // Deep enough to overflow the JSON parser's reviver: still the same named problem, not "may be truncated".
    expect(await nested(20_000)).toEqual(deep);
  });

  it('refuses a pack that needs a newer StateLab', async () => {
    const files = goodPack();
    (files['pack.json'] as Record<string, unknown>).minAppVersion = '0.10.0';
    expect(await problemsOf(files)).toEqual([`pack.json: minAppVersion: the pack needs StateLab 0.10.0 or newer; this is ${APP_VERSION}`]);
  });

  it('does not follow a symbolic link out of a pack folder', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'statelab-outside-'));
    writeFileSync(path.join(outside, 'session-state.starter.json'), JSON.stringify(goodPack()['graphs/session-state.starter.json']));
    const files = goodPack();
    delete files['graphs/session-state.starter.json'];
    delete files['graphs/session-state.reference.json'];
    const root = writePack(files);
    symlinkSync(outside, path.join(root, 'graphs'));
    const { problems } = await validatePack(folderSource(root));
    expect(problems.map(formatProblem)).toContain(`${LESSON}: starter: the starter graph "graphs/session-state.starter.json" is missing from the pack`);
  });

  it('loads nothing when anything is wrong', async () => {
    await expect(loadPack(folderSource(writePack(withLesson((l) => (checksOf(l)[0]!.metric = 'nope')))))).rejects.toThrow(
      /the lesson pack has problems:\nlessons\/session-state\.lesson\.json: checks\[0\]\.metric: unknown metric "nope"/,
    );
  });
});
