import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateChecks, missingFaultTargets } from '../../../src/main/grading/grade';
import { loadDocument } from '../../../src/shared/document';
import { graphSpec, type Graph } from '../../../src/shared/graph';
import { parseUntrustedJson } from '../../../src/shared/json';
import { lessonSpec, type Lesson } from '../../../src/shared/lesson';
import { fakeEngine, fakeRun, type Series } from './fakeRun';
import { showMeAtMs } from '../../../src/renderer/src/lesson/showMe';

const example = (name: string) => parseUntrustedJson(readFileSync(path.resolve(__dirname, '../../fixtures/examples', name), 'utf8'), 1e6);
const starter = loadDocument(example('stateless-tier.graph.json'), graphSpec);
const baseLesson = loadDocument(example('session-state.lesson.json'), lessonSpec);

const lessonWith = (checks: unknown[], faults?: unknown[]): Lesson =>
  loadDocument({ ...(example('session-state.lesson.json') as object), checks, ...(faults ? { scenario: { seed: 42, durationMs: 60_000, faults } } : {}) }, lessonSpec);

const grade = (lesson: Lesson, series: Series, graph: Graph = starter, answers: Record<string, string> = {}) => {
  const run = fakeRun(lesson.scenario.durationMs, series);
  return evaluateChecks({ packId: 'p', packVersion: '1.0.0', lesson, graph, answers }, run, fakeEngine(run));
};

const zeros = (n: number) => Array.from({ length: n }, () => 0);
/** One lost session per second from 33 s on: a crash at 30 s, noticed late. */
const lostFrom33 = zeros(60).map((_, i) => (i >= 33 ? 1 : 0));

describe('behavioural (metric) checks', () => {
  it('passes the example lesson when nothing is lost and errors recover, with the measured values', () => {
    const report = grade(baseLesson, { sessionsLost: { '*': zeros(60) }, errorRate: { '*': zeros(60).map((_, i) => (i >= 30 && i < 33 ? 0.5 : 0)) } });
    expect(report.checks.slice(0, 2).map((c) => [c.id, c.passed, c.measured, c.bound])).toEqual([
      ['no-lost-sessions', true, 0, '== 0'],
      ['errors-recover', true, 0, '< 1%'],
    ]);
  });

  it('reports a failed count with its measured value, filled feedback, hint and the first violation time', () => {
    const report = grade(baseLesson, { sessionsLost: { '*': lostFrom33 }, errorRate: { '*': zeros(60) } });
    const lost = report.checks[0];
    expect(lost).toMatchObject({
      id: 'no-lost-sessions',
      passed: false,
      points: 0,
      maxPoints: 3,
      measured: 27,
      bound: '== 0',
      window: { fromMs: 30_000, toMs: 60_000 },
      firstViolationMs: 33_000,
    });
    expect(lost?.feedback).toEqual({ en: '27 sessions were lost after api-2 crashed.', 'zh-CN': 'api-2 崩溃后丢失了 27 个会话。' });
    expect(lost?.hint?.en).toBe('Which part of the system still exists after an instance is gone?');
  });

  it('fills {measured} and {bound} in the metric\'s unit', () => {
    const lesson = lessonWith([{ id: 'rate', type: 'metric', metric: 'errorRate', op: '<', value: 0.01, feedback: { en: 'Errors were {measured}; keep them {bound}.' } }]);
    const result = grade(lesson, { errorRate: { '*': zeros(60).map(() => 0.025) } }).checks[0];
    expect(result?.feedback).toEqual({ en: 'Errors were 2.5%; keep them less than 1%.' });
  });

  it('points a count over its bound at the moment the total crossed it', () => {
    const lesson = lessonWith([{ id: 'few', type: 'metric', metric: 'sessionsLost', op: '<=', value: 5 }]);
    // One loss a second from 33 s: the sixth, which breaks "<= 5", is in the bucket at 38 s.
    expect(grade(lesson, { sessionsLost: { '*': lostFrom33 } }).checks[0]).toMatchObject({ passed: false, measured: 27, firstViolationMs: 38_000 });
  });

  it('does not count what happened before the window: losses before the fault pass a "from fault" check', () => {
    const before = zeros(60).map((_, i) => (i < 30 ? 5 : 0));
    expect(grade(baseLesson, { sessionsLost: { '*': before }, errorRate: { '*': zeros(60) } }).checks[0]?.passed).toBe(true);
  });

  it('points a failed rate at the first bucket that breaks the bound, even when the average is just over', () => {
    const lesson = lessonWith([{ id: 'p99', type: 'metric', metric: 'latencyP99', window: { during: 'crash' }, op: '<', value: 80, points: 2 }], [
      { id: 'crash', atMs: 20_000, action: 'crash', target: 'api-2' },
      { atMs: 40_000, action: 'restart', target: 'api-2' },
    ]);
    const p99 = zeros(60).map((_, i) => (i === 25 ? 200 : i >= 20 && i < 40 ? 75 : 500));
    const result = grade(lesson, { latencyP99: { '*': p99 } }).checks[0];
    expect(result).toMatchObject({ passed: false, window: { fromMs: 20_000, toMs: 40_000 }, firstViolationMs: 25_000, bound: '< 80 ms', unit: 'ms' });
    expect(result?.measured).toBeCloseTo(81.25);
  });

  it('reads one node when the check names it', () => {
    const lesson = lessonWith([{ id: 'api-2-share', type: 'metric', metric: 'lbShare', node: 'api-2', op: '<=', value: 0.34 }]);
    const series: Series = { lbShare: { 'api-1': zeros(60).map(() => 0.6), 'api-2': zeros(60).map(() => 0.25) } };
    expect(grade(lesson, series).checks[0]).toMatchObject({ passed: true, measured: 0.25 });
  });

  it('fails with a reason, not a crash, when the window holds no data or names a node the design lacks', () => {
    const lesson = lessonWith([
      { id: 'rate', type: 'metric', metric: 'errorRate', op: '<', value: 0.01 },
      { id: 'gone', type: 'metric', metric: 'lbShare', node: 'api-9', op: '<', value: 1 },
    ]);
    const [rate, gone] = grade(lesson, {}).checks;
    expect(rate).toMatchObject({ passed: false, measured: null, error: 'no request ended in the window' });
    expect(gone).toMatchObject({ passed: false, error: 'the check reads node "api-9", which this design does not have' });
  });

  it('a served-only metric with nothing served fails with the reason, and its feedback says what did not happen (not "no data") in each language', () => {
    const feedback = { en: 'Served p99: {measured} (target {bound}).', 'zh-CN': '成功请求的 p99：{measured}（目标 {bound}）。' };
    const lesson = lessonWith([{ id: 'p99', type: 'metric', metric: 'servedLatencyP99', op: '<', value: 150, feedback }]);
    const [p99] = grade(lesson, {}).checks;
    expect(p99).toMatchObject({ passed: false, measured: null, error: 'no request was served (none succeeded) in the window', errorKeys: [{ key: 'unmeasured.requestServed' }] });
    expect(p99?.feedback).toEqual({
      en: 'Nothing to measure: no request was served (none succeeded) in the window (needed less than 150 ms). The error chart and the event log show what went wrong.',
      'zh-CN': '无从测量：时间窗口内没有请求被成功处理（要求低于 150毫秒）。错误率图表和事件日志会显示出了什么问题。',
    });
  });

  // "Show me (0.0 s)" appeared on a whole-run check that measured nothing: there is no moment to show.
  it('offers no Show me moment for a metric that measured nothing, and the first violation for one that measured a miss', () => {
    const [p99] = grade(lessonWith([{ id: 'p99', type: 'metric', metric: 'servedLatencyP99', op: '<', value: 150 }]), {}).checks;
    expect(p99).toMatchObject({ passed: false, measured: null });
    expect(showMeAtMs(p99!)).toBeUndefined();
    const [few] = grade(lessonWith([{ id: 'few', type: 'metric', metric: 'sessionsLost', op: '<=', value: 5 }]), { sessionsLost: { '*': lostFrom33 } }).checks;
    expect(showMeAtMs(few!)).toBe(few!.firstViolationMs);
    expect(few!.firstViolationMs).toBeGreaterThan(30_000);
  });

  it('requireServed: a bound that holds over a window that served nobody fails with the reason; served requests in the window let it pass', () => {
    const feedback = { en: 'Sessions were lost {measured} times. Keep them outside the instances.', 'zh-CN': '会话丢失了 {measured} 次。把会话放到实例之外。' };
    const lesson = lessonWith([
      { id: 'guarded', type: 'metric', metric: 'sessionsLost', window: { from: 'start+30000', to: 'end' }, op: '==', value: 0, requireServed: true, feedback },
      { id: 'unguarded', type: 'metric', metric: 'sessionsLost', window: { from: 'start+30000', to: 'end' }, op: '==', value: 0 },
    ]);
    // Requests succeed only in the first half: nothing is served in the window.
    const servedEarly = zeros(60).map((_, i) => (i < 30 ? 10 : 0));
    const [guarded, unguarded] = grade(lesson, { sessionsLost: { '*': zeros(60) }, ok: { '*': servedEarly } }).checks;
    expect(unguarded).toMatchObject({ passed: true, measured: 0 });
    expect(guarded).toMatchObject({ passed: false, points: 0, measured: null, errorKeys: [{ key: 'unmeasured.requestServed' }] });
    expect(guarded?.feedback?.en).toBe('Nothing to measure: no request was served (none succeeded) in the window (needed exactly 0). Keep them outside the instances.');
    expect(guarded?.feedback?.['zh-CN']).toBe('无从测量：时间窗口内没有请求被成功处理（要求恰好 0）。把会话放到实例之外。');
    // One served request in the window is enough: the metric decides again.
    const servedLate = zeros(60).map((_, i) => (i === 45 ? 1 : 0));
    expect(grade(lesson, { sessionsLost: { '*': zeros(60) }, ok: { '*': servedLate } }).checks[0]).toMatchObject({ passed: true, measured: 0 });
    expect(grade(lesson, { sessionsLost: { '*': lostFrom33 }, ok: { '*': servedLate } }).checks[0]).toMatchObject({ passed: false, measured: 27 });
  });

  it.each([
    ['<', 1, true], ['<', 0.5, false], ['<=', 0.5, true], ['==', 0.5, true], ['!=', 0.5, false], ['>=', 0.6, false], ['>', 0.4, true],
  ] as const)('compares 0.5 %s %s → %s', (op, value, passed) => {
    const lesson = lessonWith([{ id: 'c', type: 'metric', metric: 'cacheHitRatio', op, value }]);
    expect(grade(lesson, { cacheHitRatio: { '*': zeros(10).map(() => 0.5) } }).checks[0]?.passed).toBe(passed);
  });
});

describe('structural checks', () => {
  const withNode = (kind: string, props: Record<string, unknown> = {}): Graph => ({
    ...starter,
    nodes: [...starter.nodes, { id: 'extra', kind: kind as Graph['nodes'][number]['kind'], label: 'x', position: { x: 0, y: 0 }, props }],
    edges: [...starter.edges, { id: 'api-1-extra', source: 'api-1', target: 'extra', kind: 'request', props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } }],
  });
  const structure = (checks: unknown[], graph: Graph) => grade(lessonWith(checks), {}, graph).checks;

  it('requires a kind through anyOf: a session store, or signed-token services', () => {
    const check = baseLesson.checks[2];
    expect(grade(lessonWith([check]), {}, starter).checks[0]).toMatchObject({ passed: false, feedback: { en: 'Keep session state outside the service instances.' } });
    expect(grade(lessonWith([check]), {}, withNode('session-store')).checks[0]?.passed).toBe(true);
    const tokens = { ...starter, nodes: starter.nodes.map((n) => (n.id === 'api-1' ? { ...n, props: { ...n.props, sessions: 'signed-token' } } : n)) };
    expect(grade(lessonWith([check]), {}, tokens).checks[0]?.passed).toBe(true);
  });

  it('forbids a kind', () => {
    const check = { id: 'no-cache', type: 'structure', forbid: { node: { kind: 'cache' } } };
    expect(structure([check], starter)[0]?.passed).toBe(true);
    expect(structure([check], withNode('cache'))[0]?.passed).toBe(false);
  });

  it('finds a request path between kinds, optionally through a kind', () => {
    const check = (via?: string) => ({ id: 'path', type: 'structure', require: { path: { from: { kind: 'client' }, to: { kind: 'session-store' }, ...(via ? { via: { kind: via } } : {}) } } });
    expect(structure([check()], starter)[0]?.passed).toBe(false);
    expect(structure([check()], withNode('session-store'))[0]?.passed).toBe(true);
    expect(structure([check('load-balancer')], withNode('session-store'))[0]?.passed).toBe(true);
    expect(structure([check('cache')], withNode('session-store'))[0]?.passed).toBe(false);
  });

  it('counts nodes and reports the count against its bound', () => {
    const check = { id: 'three', type: 'structure', require: { count: { node: { kind: 'service' }, op: '>=', value: 4 } } };
    expect(structure([check], starter)[0]).toMatchObject({ passed: false, measured: 3, bound: 'count >= 4' });
    expect(structure([check], withNode('service'))[0]).toMatchObject({ passed: true, measured: 4 });
  });

  it('compares a property on every matching node, with the kind defaults applied', () => {
    const check = { id: 'hc', type: 'structure', require: { prop: { node: { kind: 'load-balancer' }, key: 'healthCheck.intervalMs', op: '<=', value: 500 } } };
    expect(structure([check], starter)[0]?.passed).toBe(true);
    const slowChecks = { ...starter, nodes: starter.nodes.map((n) => (n.id === 'lb' ? { ...n, props: { policy: 'round-robin', healthCheck: { intervalMs: 5000, unhealthyAfter: 2 } } } : n)) };
    expect(structure([check], slowChecks)[0]?.passed).toBe(false);
    const noLb = { id: 'lb', type: 'structure', require: { prop: { node: { kind: 'coordinator' }, key: 'leaseTtlMs', op: '>', value: 0 } } };
    expect(structure([noLb], starter)[0]?.passed).toBe(false);
  });

  it('combines predicates with allOf and not', () => {
    const check = { id: 'all', type: 'structure', require: { allOf: [{ node: { kind: 'database' } }, { not: { node: { kind: 'cache' } } }] } };
    expect(structure([check], starter)[0]?.passed).toBe(true);
    expect(structure([check], withNode('cache'))[0]?.passed).toBe(false);
  });
});

describe('quiz checks', () => {
  const choices = ['api-1', 'api-2'].map((id) => ({ id, text: { en: id } }));
  const quiz = (answer: unknown) => lessonWith([{ id: 'hot', type: 'quiz', question: { en: 'Which node is hot?' }, choices, answer, points: 2, feedback: { en: 'You picked {measured}.' } }]);
  const load: Series = { requests: { 'api-1': zeros(60).map(() => 10), 'api-2': zeros(60).map(() => 90) } };

  it('grades a fixed answer and an unanswered question', () => {
    expect(grade(quiz('api-1'), load, starter, { hot: 'api-1' }).checks[0]).toMatchObject({ passed: true, points: 2, measured: 'api-1' });
    expect(grade(quiz('api-1'), load, starter, {}).checks[0]).toMatchObject({ passed: false, measured: null, feedback: { en: 'You picked no data.' } });
  });

  it('decides a metric answer from the run: the node with the highest value', () => {
    expect(grade(quiz({ highest: 'requests' }), load, starter, { hot: 'api-2' }).checks[0]?.passed).toBe(true);
    expect(grade(quiz({ highest: 'requests' }), load, starter, { hot: 'api-1' }).checks[0]).toMatchObject({ passed: false, feedback: { en: 'You picked api-1.' } });
    expect(grade(quiz({ lowest: 'requests' }), load, starter, { hot: 'api-1' }).checks[0]?.passed).toBe(true);
  });

  it('refuses a fixed answer that is not one of the choices, naming the path', () => {
    expect(() => quiz('api-3')).toThrow('checks[0].answer: expected one of the choice ids ("api-1", "api-2"), found "api-3"');
  });
});

describe('the grade report', () => {
  it('sums points and is the same for the same inputs', () => {
    const series: Series = { sessionsLost: { '*': lostFrom33 }, errorRate: { '*': zeros(60) } };
    const first = grade(baseLesson, series);
    expect([first.score, first.maxScore]).toEqual([1, 5]);
    expect(grade(baseLesson, series)).toEqual(first);
  });
});

describe('faults aimed at nodes the design lacks', () => {
  it('are found by target and by partition group, but a heal may name anything', () => {
    const scenario = {
      seed: 1,
      durationMs: 10_000,
      faults: [
        { atMs: 1000, action: 'crash' as const, target: 'api-9' },
        { atMs: 2000, action: 'partition' as const, target: 'api-1', params: { groups: [['api-1'], ['db', 'ghost']] } },
        { atMs: 3000, action: 'heal' as const, target: 'nobody' },
        { atMs: 4000, action: 'crash' as const, target: 'api-2' },
      ],
    };
    expect(missingFaultTargets(starter, scenario).map(({ fault, node }) => [fault.atMs, node])).toEqual([
      [1000, 'api-9'],
      [2000, 'ghost'],
    ]);
  });
});
