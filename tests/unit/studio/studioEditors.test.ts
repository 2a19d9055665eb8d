// The pure helpers behind the studio's structure-predicate, per-student range and prediction editors.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../src/renderer/src/i18n/resources';
import { addChild, changeType, getAt, newPredicate, parsePropsText, parseScalar, PREDICATE_DEPTH_MAX, predicateType, propKeysOf, removeAt, summarizePredicate, updateAt, type SummaryWords } from '../../../src/renderer/src/studio/predicates';
import { movePrediction, newPrediction, predictionProblems } from '../../../src/renderer/src/studio/predictionEdit';
import { newParameter, previewVariant, rangeSize, variantProblems, variantTargets, withSetting } from '../../../src/renderer/src/studio/variantEdit';
import { CheckSchema, PredicateSchema, type Predicate } from '../../../src/shared/checks';
import type { Graph } from '../../../src/shared/graph';
import { PredictionSchema } from '../../../src/shared/instructor';
import { deriveVariant, LessonVariantsSchema, resolveVariantPath, variantGraph } from '../../../src/shared/variants';

const words = (lng: 'en' | 'zh-CN'): SummaryWords => {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: RESOURCES as never, lng, fallbackLng: 'en', ns: ['studio', 'domain'], defaultNS: 'studio', interpolation: { escapeValue: false }, initAsync: false });
  return { t: (key, params) => i18n.t(key, params ?? {}), kind: (kind) => i18n.t(`domain:kinds.${kind}.label`) };
};
/** The editor's words: settings and their choices by the domain's names too. */
const editorWords = (lng: 'en' | 'zh-CN'): SummaryWords => {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: RESOURCES as never, lng, fallbackLng: 'en', ns: ['studio', 'domain'], defaultNS: 'studio', interpolation: { escapeValue: false }, initAsync: false });
  const field = (kind: string, path: readonly string[]) => `domain:props.${kind}.${path.join('.')}`;
  return {
    ...words(lng),
    field: (kind, path) => i18n.t(`${field(kind, path)}.label`, { defaultValue: path.join('.') }),
    option: (kind, path, value) => i18n.t(`${field(kind, path)}.options.${value}`, { defaultValue: value }),
  };
};

const cacheBetween: Predicate = { path: { from: { id: 'users' }, to: { kind: 'database' }, via: { kind: 'cache' } } };

describe('structure predicates in the studio', () => {
  it('summarizes every predicate type in one line, in English and in Chinese', () => {
    const en = words('en');
    expect(summarizePredicate(cacheBetween, en)).toBe('requests can go from node “users” to Database through Cache');
    // Given the lesson's names, a node picked by id reads by its name.
    expect(summarizePredicate(cacheBetween, { ...en, name: (id) => (id === 'users' ? 'Shop users' : id) })).toBe('requests can go from node “Shop users” to Database through Cache');
    expect(summarizePredicate({ count: { node: { kind: 'service' }, op: '>=', value: 3 } }, en)).toBe('count of Service >= 3');
    expect(summarizePredicate({ prop: { node: { kind: 'load-balancer' }, key: 'policy', op: '==', value: 'sticky' } }, en)).toBe('every Load balancer has policy == “sticky”');
    expect(summarizePredicate({ not: { anyOf: [{ node: { kind: 'cache', props: { mode: 'write-through' } } }, { node: { kind: 'session-store' } }] } }, en)).toBe(
      'not (at least one of: there is Cache with mode = “write-through”; there is Session store)',
    );
    const zh = words('zh-CN');
    const line = summarizePredicate(cacheBetween, zh);
    expect(line).toMatch(/[\u4e00-\u9fff]/);
    expect(line).toContain('经过');
    expect(line).not.toMatch(/requests|through/);
  });

  it('names settings and their choices in the app language when the node kind is known (a Chinese instructor read “sessions = local-memory”)', () => {
    const lessonThree: Predicate = { anyOf: [{ node: { kind: 'service', props: { sessions: 'local-memory' } } }, { prop: { node: { kind: 'load-balancer' }, key: 'policy', op: '==', value: 'sticky' } }] };
    const zh = summarizePredicate(lessonThree, editorWords('zh-CN'));
    expect(zh).toBe('至少满足其一：存在会话 = “本地内存”的服务；每个负载均衡器的策略 == “粘性会话”');
    expect(zh).not.toMatch(/[A-Za-z]{2,}/);
    expect(summarizePredicate(lessonThree, editorWords('en'))).toBe('at least one of: there is Service with Sessions = “Local memory”; every Load balancer has Policy == “Sticky”');
    // A node of any kind has no settings table to name them from: the key reads as written.
    expect(summarizePredicate({ node: { props: { sessions: 'local-memory' } } }, editorWords('zh-CN'))).toBe('存在会话 = “local-memory”的任意节点'.replace('会话', 'sessions'));
  });

  it('a new predicate of every type, and one switched to every type, is what the check schema accepts', () => {
    for (const type of ['node', 'path', 'count', 'prop', 'anyOf', 'allOf', 'not'] as const) {
      expect(PredicateSchema.safeParse(newPredicate(type)).success, type).toBe(true);
      const switched = changeType(cacheBetween, type);
      expect(predicateType(switched)).toBe(type);
      expect(PredicateSchema.safeParse(switched).success, `switched to ${type}`).toBe(true);
    }
    // Switching keeps the node match where the new type has one; into a compound, the old predicate becomes its child.
    expect(changeType({ node: { kind: 'coordinator', id: 'zk' } }, 'count')).toEqual({ count: { node: { kind: 'coordinator', id: 'zk' }, op: '>=', value: 1 } });
    expect(changeType(cacheBetween, 'not')).toEqual({ not: cacheBetween });
  });

  it('edits a nested predicate by its path: add, replace and remove children, bounded in depth', () => {
    let root: Predicate = { allOf: [{ node: { kind: 'cache' } }] };
    root = addChild(root, []);
    expect(childrenCount(root)).toBe(2);
    root = updateAt(root, [1], () => ({ anyOf: [{ node: { kind: 'database' } }] }));
    root = addChild(root, [1]);
    expect(getAt(root, [1, 1])).toEqual({ node: { kind: 'cache' } });
    root = updateAt(root, [1, 1], () => cacheBetween);
    expect(getAt(root, [1, 1])).toEqual(cacheBetween);
    expect(getAt(root, [0])).toEqual({ node: { kind: 'cache' } });
    // Deeper than the editor's bound: nothing is added.
    expect(addChild(root, [1, 1, 0].slice(0, PREDICATE_DEPTH_MAX))).toBe(root);
    root = removeAt(root, [1, 0]);
    expect(getAt(root, [1])).toEqual({ anyOf: [cacheBetween] });
    // The last child of an anyOf stays: the schema needs one.
    expect(removeAt(root, [1, 0])).toEqual(root);
    expect(PredicateSchema.safeParse(root).success).toBe(true);
    // A path that leads nowhere leaves the predicate as it was.
    expect(updateAt(root, [5, 2], () => ({ node: {} }))).toBe(root);
  });

  it('reads node props as key=value text, and offers a kind’s own setting keys', () => {
    expect(parsePropsText('mode=write-through, replicas = 2, sticky=true')).toEqual({ ok: true, props: { mode: 'write-through', replicas: 2, sticky: true } });
    expect(parsePropsText('  ')).toEqual({ ok: true, props: undefined });
    expect(parsePropsText('mode=x, oops')).toEqual({ ok: false, bad: 'oops' });
    expect(parseScalar('0.5')).toBe(0.5);
    expect(parseScalar('sticky')).toBe('sticky');
    expect(propKeysOf('load-balancer')).toEqual(expect.arrayContaining(['policy', 'healthCheck.intervalMs']));
    expect(propKeysOf(undefined)).toEqual([]);
  });

  it('a structure check made of an edited predicate validates as a lesson check', () => {
    expect(CheckSchema.safeParse({ id: 'cache-in-path', type: 'structure', points: 1, require: cacheBetween }).success).toBe(true);
  });
});

const childrenCount = (p: Predicate) => ('allOf' in p ? p.allOf.length : 'anyOf' in p ? p.anyOf.length : 0);

const starter = {
  nodes: [
    { id: 'users', kind: 'client', label: 'users', position: { x: 0, y: 0 }, props: { rps: 500, users: 100 } },
    { id: 'api-1', kind: 'service', label: 'api-1', position: { x: 0, y: 0 }, props: { workers: 4 } },
  ],
  edges: [],
} as unknown as Graph;
const scenario = { seed: 1, durationMs: 30_000, faults: [{ id: 'crash', atMs: 10_000, action: 'crash' as const, target: 'api-1' }, { atMs: 5_000, action: 'slow' as const, target: 'api-1', params: { durationMs: 4_000 } }] };

describe('per-student ranges in the studio', () => {
  it('offers the faults’ times and numbers and the starter nodes’ numeric settings, their kind’s defaults included', () => {
    const targets = variantTargets(scenario, starter);
    const paths = targets.map((x) => x.path);
    expect(paths.slice(0, 3)).toEqual(['scenario.faults[id=crash].atMs', 'scenario.faults[1].atMs', 'scenario.faults[1].params.durationMs']);
    expect(paths).toEqual(expect.arrayContaining(['starter.nodes[id=users].props.rps', 'starter.nodes[id=users].props.users', 'starter.nodes[id=api-1].props.workers']));
    // A setting the node leaves to its kind's default is offered too, and written into the node when chosen.
    const own = targets.find((x) => x.path === 'starter.nodes[id=users].props.rps')!;
    expect(own).toMatchObject({ value: 500, unit: 'rps', suggestedId: 'usersRps' });
    expect(own.isDefault).toBeUndefined();
    const fallback = targets.find((x) => x.path.startsWith('starter.nodes[id=api-1]') && x.isDefault)!;
    expect(fallback).toBeDefined();
    const key = (fallback.about as { prop: string }).prop;
    expect((starter.nodes[1]!.props as Record<string, unknown>)[key]).toBeUndefined();
    const written = withSetting(starter, fallback);
    expect((written.nodes[1]!.props as Record<string, unknown>)[key]).toBe(fallback.value);
    expect(resolveVariantPath(written, fallback.path).ok).toBe(true);
    expect(resolveVariantPath(starter, fallback.path).ok).toBe(false);
    expect(withSetting(written, own)).toEqual(written);
  });

  it('offers nested settings such as a balancer’s probe interval, and writes a default one without touching its neighbours', () => {
    const withLb = { ...starter, nodes: [...starter.nodes, { id: 'lb', kind: 'load-balancer', label: 'lb', position: { x: 0, y: 0 }, props: { healthCheck: { intervalMs: 500 } } }] } as unknown as Graph;
    const targets = variantTargets(scenario, withLb);
    const interval = targets.find((x) => x.path === 'starter.nodes[id=lb].props.healthCheck.intervalMs')!;
    expect(interval).toMatchObject({ value: 500, unit: 'ms', suggestedId: 'lbHealthCheckIntervalMs' });
    expect(interval.isDefault).toBeUndefined();
    const after = targets.find((x) => x.path === 'starter.nodes[id=lb].props.healthCheck.unhealthyAfter')!;
    expect(after).toMatchObject({ isDefault: true, unit: 'count' });
    expect(targets.some((x) => x.path.includes('.weights.'))).toBe(false);
    const written = withSetting(withLb, after);
    expect(written.nodes[2]!.props).toEqual({ healthCheck: { intervalMs: 500, unhealthyAfter: after.value } });
    // Grading writes a student's value into the nested setting.
    const variants = { parameters: [{ ...newParameter(interval, new Set()), label: { en: 'Probe interval' } }] };
    const graded = variantGraph(written, variants, { seed: 1, values: { lbHealthCheckIntervalMs: 700 } });
    expect((graded.nodes[2]!.props as { healthCheck: { intervalMs: number } }).healthCheck.intervalMs).toBe(700);
  });

  it('a new range starts at the field’s value, validates once labelled, and reports what is wrong where it is', () => {
    const targets = variantTargets(scenario, starter);
    const crash = newParameter(targets[0]!, new Set());
    expect(crash).toMatchObject({ id: 'crashAtMs', min: 10_000, max: 14_000, step: 500, unit: 'ms', sets: ['scenario.faults[id=crash].atMs'] });
    expect(rangeSize(crash)).toBe(9);
    const lesson = { scenario, locked: ['users'] };
    expect(variantProblems([crash], 0, lesson, starter).map((p) => p.key)).toEqual(['noLabel']);
    const labelled = { ...crash, label: { en: 'Crash at', 'zh-CN': '崩溃时间' } };
    expect(variantProblems([labelled], 0, lesson, starter)).toEqual([]);
    expect(LessonVariantsSchema.safeParse({ parameters: [labelled] }).success).toBe(true);
    const workers = { ...newParameter(targets.find((x) => x.path === 'starter.nodes[id=api-1].props.workers')!, new Set(['crashAtMs'])), label: { en: 'Workers' } };
    expect(variantProblems([labelled, workers], 1, lesson, starter)).toEqual([{ key: 'notLocked', params: { node: 'api-1' } }]);
    const broken = { ...labelled, id: '9x', min: 5, max: 1, step: 0, sets: ['scenario.faults[id=gone].atMs'] };
    expect(variantProblems([broken], 0, lesson, starter).map((p) => p.key)).toEqual(['badId', 'maxBelowMin', 'stepNotPositive', 'notANumber']);
    expect(variantProblems([labelled, { ...labelled }], 1, lesson, starter).map((p) => p.key)).toEqual(['duplicateId']);
    expect(newParameter(targets[0]!, new Set(['crashAtMs'])).id).toBe('crashAtMs2');
  });

  it('previews the values a named student gets, as grading derives them', () => {
    const variants = { parameters: [{ ...newParameter(variantTargets(scenario, starter)[0]!, new Set()), label: { en: 'Crash at' } }] };
    const ada = previewVariant('l1', variants, 'Ada Lovelace');
    expect(ada).toEqual(deriveVariant('l1', LessonVariantsSchema.parse(variants), 'ada  lovelace '));
    const names = ['Ada', 'Bo', 'Chen Wei', 'Dana', 'Eli', 'Fay'];
    expect(new Set(names.map((n) => previewVariant('l1', variants, n)!.values.crashAtMs)).size).toBeGreaterThan(1);
    expect(previewVariant('l1', { parameters: [{ ...variants.parameters[0]!, step: 0 }] }, 'Ada')).toBeUndefined();
    expect(previewVariant('l1', variants, '  ')).toBeUndefined();
  });
});

describe('predict-before-run questions in the studio', () => {
  it('a new question avoids ids in use, is what the schema takes once written, and moves up and down', () => {
    const p = newPrediction(['predict', 'errors']);
    expect(p.id).toBe('predict-2');
    expect(predictionProblems([p], 0, []).map((x) => x.key)).toEqual(['noQuestion', 'emptyChoice', 'emptyChoice']);
    const written = { ...p, question: { en: 'Will errors stay low?', 'zh-CN': '错误会保持很低吗？' }, choices: p.choices.map((c, i) => ({ ...c, text: { en: `Answer ${i}`, 'zh-CN': `答案 ${i}` } })) };
    expect(predictionProblems([written], 0, [])).toEqual([]);
    expect(PredictionSchema.safeParse(written).success).toBe(true);
    expect(predictionProblems([written], 0, ['predict-2'])).toEqual([{ key: 'duplicateId', params: { id: 'predict-2' } }]);
    const bad = { ...written, choices: [{ ...written.choices[0]!, min: 2, max: 1 }, { ...written.choices[1]!, id: 'a' }] };
    expect(predictionProblems([bad], 0, []).map((x) => x.key)).toEqual(['minAboveMax', 'duplicateChoice']);
    expect(movePrediction(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(movePrediction(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
