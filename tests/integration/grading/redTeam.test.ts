// Red-team of grading: designs and files a clever student could make to earn marks the design does
// not earn. Each attack is graded as the app, Class results and `npm run grade` grade it (inside the
// lesson's frame, with the starter); what must hold is what an instructor would notice.
import { describe, expect, it } from 'vitest';
import { gradeSubmissionText } from '../../../src/main/grading/bulk';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { createSubmission } from '../../../src/main/grading/submission';
import { loadPackFolder } from '../../../src/main/packs/folder';
import type { Graph } from '../../../src/shared/graph';
import { applyGraphEdit } from '../../../src/shared/graphEdit';
import { gradeText } from '../../../src/shared/i18n/gradeTexts';
import { SUBMISSION_LIMITS } from '../../../src/shared/submission';
import { predictionAnswers } from '../../support/predictions';
import { EXPECTATIONS, PACK_DIR } from '../lessons/expectations';

const pack = await loadPackFolder(PACK_DIR);
const entryOf = (id: string) => pack.lessons.find((l) => l.lesson.id === id)!;
const answersOf = (id: string) => ({ ...predictionAnswers(entryOf(id).lesson), ...(EXPECTATIONS[id]?.answers ?? {}) });

function grade(id: string, graph: Graph) {
  const entry = entryOf(id);
  return gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: entry.lesson, graph, answers: answersOf(id), starter: entry.starter }, simEngine).report;
}

/** Renames a node everywhere the design names it (edges, a balancer's weights). */
function rename(graph: Graph, from: string, to: string): Graph {
  const r = (id: string) => (id === from ? to : id);
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const weights = n.props.weights as Record<string, number> | undefined;
      const props = weights && from in weights ? { ...n.props, weights: Object.fromEntries(Object.entries(weights).map(([k, v]) => [r(k), v])) } : n.props;
      return { ...n, id: r(n.id), props };
    }),
    edges: graph.edges.map((e) => ({ ...e, source: r(e.source), target: r(e.target) })),
  };
}

/**
 * The attack: every scheduled fault's target the lesson does not lock is renamed ("api-2" →
 * "api-2-real", still doing the work) and a spare copy with the old id is left on the canvas with
 * no connection, so the lesson's faults hit the spare and the design never meets them.
 */
function decoyFaultTargets(id: string, graph: Graph): Graph {
  const { lesson, starter } = entryOf(id);
  const clients = new Set(starter!.nodes.filter((n) => n.kind === 'client').map((n) => n.id));
  let out = graph;
  for (const fault of lesson.scenario.faults ?? []) {
    const node = out.nodes.find((n) => n.id === fault.target);
    if (node === undefined || clients.has(node.id) || lesson.locked.includes(node.id) || out.nodes.some((n) => n.id === `${node.id}-real`)) continue;
    out = rename(out, node.id, `${node.id}-real`);
    out = { ...out, nodes: [...out.nodes, { ...node, position: { x: 0, y: 0 } }] };
  }
  return out;
}

const runBased = (report: ReturnType<typeof grade>) => report.checks.filter((c) => c.type === 'metric');

describe('a fault kept away from the design earns nothing', () => {
  it.each([
    ['capstone', 'starter'],
    ['deploying', 'tokens-two-instances'],
    ['stateful-deploy', 'starter'],
    ['failover', 'starter'],
  ])('%s (%s): the faults hit a spare node with no connection', (id, design) => {
    const entry = entryOf(id);
    const wrong = entry.lesson.wrongAnswers.find((w) => w.id === design);
    const graph = wrong ? applyGraphEdit(entry.starter!, wrong.edit) : entry.starter!;
    const plain = grade(id, graph);
    const decoyed = grade(id, decoyFaultTargets(id, graph));
    // Without the guard, capstone's starter went from 3 to 15 of 15 and deploying's wrong answer from 4 to 8 of 8.
    expect(decoyed.score).toBeLessThanOrEqual(plain.score);
    expect(plain.score).toBeLessThan(plain.maxScore);
    for (const check of runBased(decoyed)) {
      expect(check.passed, check.id).toBe(false);
      expect(check.errorKeys?.map((k) => k.key), check.id).toContain('check.faultTargetUnreached');
    }
    // The student reads which fault missed, on which node, in their language.
    const [key] = runBased(decoyed)[0]!.errorKeys!.filter((k) => k.key === 'check.faultTargetUnreached');
    expect(gradeText(key!, 'en')).toMatch(/none of the users' requests reach it/);
    expect(gradeText(key!, 'zh-CN')).toMatch(/用户的请求到达不了它/);
  });

  it('any-instance: a weighted balancer that sends the crashing instance nothing does not dodge the crash', () => {
    const starter = entryOf('any-instance').starter!;
    const weighted = { ...starter, nodes: starter.nodes.map((n) => (n.id === 'lb' ? { ...n, props: { ...n.props, policy: 'weighted', weights: { 'api-2': 0 } } } : n)) };
    const report = grade('any-instance', weighted);
    const recovered = report.checks.find((c) => c.id === 'recovered-quickly')!;
    expect(recovered.passed).toBe(false);
    expect(recovered.errorKeys?.map((k) => k.key)).toEqual(['check.faultTargetUnreached']);
    expect(report.score).toBeLessThanOrEqual(grade('any-instance', starter).score);
  });

  /** Lesson 1's design with its balancer weighted: `weights` by target id (a missing id weighs 1). */
  const weighted = (design: 'starter' | 'reference', weights: Record<string, number>): Graph => {
    const graph = entryOf('any-instance')[design]!;
    return { ...graph, nodes: graph.nodes.map((n) => (n.id === 'lb' ? { ...n, props: { ...n.props, policy: 'weighted', weights } } : n)) };
  };

  it.each([0.01, 0.001])('any-instance: a weight of %s for the crashing instance does not dodge the crash', (weight) => {
    const report = grade('any-instance', weighted('starter', { 'api-2': weight }));
    // Without the guard the starter so weighted scored 7 of 7: the crash met a node that got 1% (0.1%) of what API 1 got.
    expect(report.score).toBeLessThanOrEqual(grade('any-instance', entryOf('any-instance').starter!).score);
    for (const check of runBased(report)) {
      expect(check.passed, check.id).toBe(false);
      expect(check.errorKeys?.map((k) => k.key), check.id).toEqual(['check.faultTargetStarved']);
    }
    // The student reads what happened: how little the balancer sent the crashing instance, beside which one.
    const [key] = runBased(report)[0]!.errorKeys!;
    expect(gradeText(key!, 'en')).toContain(`sent "API 2" only ${weight * 100}% as many of the users' requests as "API 1"`);
    expect(gradeText(key!, 'zh-CN')).toContain(`负载均衡器分给“API 2”的用户请求只有“API 1”的 ${weight * 100}%`);
  });

  it('any-instance: a second balancer in front of the crashing instance, itself given a weight of 0.01, does not dodge the crash either', () => {
    const starter = entryOf('any-instance').starter!;
    const lb = starter.nodes.find((n) => n.id === 'lb')!;
    const link = (id: string, source: string, target: string) => ({ id, source, target, kind: 'request' as const, props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } });
    const decoy: Graph = {
      ...starter,
      nodes: [...starter.nodes.map((n) => (n.id === 'lb' ? { ...n, props: { ...n.props, policy: 'weighted', weights: { 'lb-2': 0.01 } } } : n)), { ...lb, id: 'lb-2', label: 'LB 2', position: { x: 300, y: 300 } }],
      edges: [...starter.edges.filter((e) => e.target !== 'api-2'), link('lb-lb-2', 'lb', 'lb-2'), link('lb-2-api-2', 'lb-2', 'api-2')],
    };
    const report = grade('any-instance', decoy);
    for (const check of runBased(report)) expect(check.errorKeys?.map((k) => k.key), check.id).toEqual(['check.faultTargetStarved']);
  });

  it('any-instance: an honest uneven split (weights 3:1:3, API 2 the light one) still meets the crash and passes', () => {
    const report = grade('any-instance', weighted('reference', { 'api-1': 3, 'api-2': 1, 'api-3': 3 }));
    expect(report.checks.flatMap((c) => c.errorKeys ?? [])).toEqual([]);
    expect(report.score).toBe(report.maxScore);
  });

  it('sessions-choice: doing without a session store is a design choice, not a dodge (the reference leaves it unused and passes)', () => {
    const reference = entryOf('sessions-choice').reference!;
    const report = grade('sessions-choice', reference);
    expect(report.score).toBe(report.maxScore);
    expect(report.checks.flatMap((c) => c.errorKeys ?? [])).toEqual([]);
  });
});

describe('a fault that picks its node when it fires ("@busiest-service")', () => {
  /** build-it-yourself's empty canvas with the users wired straight to a database, and maybe a spare instance nobody calls. */
  const straightToDb = (spare: boolean): Graph => {
    const starter = entryOf('build-it-yourself').starter!;
    const db = { id: 'db', kind: 'database' as const, label: 'DB', position: { x: 0, y: 0 }, props: { capacityRps: 20000 } };
    const instance = { id: 'api-1', kind: 'service' as const, label: 'API 1', position: { x: 0, y: 100 }, props: {} };
    return { ...starter, nodes: [...starter.nodes, db, ...(spare ? [instance] : [])], edges: [...starter.edges, { id: 'e1', source: 'users', target: 'db', kind: 'request', props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } }] };
  };

  it.each([false, true])('build-it-yourself: users wired straight to a database (a spare instance: %s) do not dodge the crash', (spare) => {
    const report = grade('build-it-yourself', straightToDb(spare));
    // Without the guard this scored 11 of 11: the crash of the busiest instance found none (or the spare).
    expect(report.score).toBeLessThan(report.maxScore / 2);
    const survives = report.checks.find((c) => c.id === 'survives-crash')!;
    expect(survives.passed).toBe(false);
    expect(survives.errorKeys?.map((k) => k.key)).toEqual(['check.faultKindUnreached']);
    expect(gradeText(survives.errorKeys![0]!, 'zh-CN')).toMatch(/用户的请求不经过任何这类节点/);
    expect(grade('build-it-yourself', entryOf('build-it-yourself').reference!).score).toBe(report.maxScore);
  });

  it('npm run grade and Class results say why in the row\'s notes, once', () => {
    const { lesson } = entryOf('build-it-yourself');
    const file = createSubmission({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph: straightToDb(false), savedAt: new Date('2026-03-01T10:00:00Z'), student: 'Mallory', answers: answersOf('build-it-yourself') });
    const row = gradeSubmissionText('mallory.json', JSON.stringify(file), pack, simEngine);
    expect(row.score).toBeLessThan(row.maxScore! / 2);
    expect(row.notes.filter((n) => /none of the users' requests pass through such a node/.test(n))).toHaveLength(1);
  });
});

describe('a check that reads one node', () => {
  it('scaling-out: a spare "router" nobody sends to does not pass "few keys moved" for the real one', () => {
    const starter = entryOf('scaling-out').starter!;
    const real = rename(starter, 'router', 'router-real');
    const spare: Graph = {
      ...real,
      nodes: [...real.nodes, { id: 'router', kind: 'load-balancer', label: 'Router', position: { x: 0, y: 0 }, props: { policy: 'consistent-hash', hashBy: 'key' } }],
      edges: [...real.edges, ...['part-1', 'part-2', 'part-3'].map((p) => ({ id: `spare-${p}`, source: 'router', target: p, kind: 'request' as const, props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } }))],
    };
    const check = grade('scaling-out', spare).checks.find((c) => c.id === 'few-keys-moved')!;
    // Without the guard the spare ring's 25% passed the 35% bound while the real router moved 75%.
    expect(check.passed).toBe(false);
    expect(check.errorKeys?.map((k) => k.key)).toEqual(['check.nodeUnreached']);
    expect(grade('scaling-out', entryOf('scaling-out').reference!).checks.find((c) => c.id === 'few-keys-moved')!.passed).toBe(true);
  });
});

describe('hand-edited submission files (as Class results and npm run grade read them)', () => {
  const entry = entryOf('any-instance');
  const base = () =>
    JSON.parse(
      JSON.stringify(
        createSubmission({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: entry.lesson, graph: entry.starter!, savedAt: new Date('2026-03-01T10:00:00Z'), student: 'Ada Lovelace', answers: answersOf('any-instance') }),
      ),
    ) as Record<string, unknown> & { graph: Graph };
  const row = (doc: unknown, raw?: string) => gradeSubmissionText('ada.json', raw ?? JSON.stringify(doc), pack, simEngine);
  const starterScore = row(base()).score!;

  it('another lesson id of the pack is graded as that lesson, another pack or an unknown lesson is refused by name', () => {
    expect(row({ ...base(), lessonId: 'no-such-lesson' }).error).toMatch(/no-such-lesson/);
    expect(row({ ...base(), packId: 'other-pack' }).error).toMatch(/other-pack/);
  });

  it('another pack version is graded with the installed pack and noted', () => {
    const graded = row({ ...base(), packVersion: '0.0.1' });
    expect(graded.score).toBe(starterScore);
    expect(graded.notes.join(' ')).toMatch(/0\.0\.1/);
  });

  it('numbers outside a setting’s range (workers 1e9, an infinite latency, NaN as null) are refused, naming the place', () => {
    const huge = base();
    huge.graph.nodes = huge.graph.nodes.map((n) => (n.id === 'api-1' ? { ...n, props: { ...n.props, workers: 1e9 } } : n));
    // api-1 is locked: the frame puts the starter's back, so the attack changes nothing.
    expect(row(huge).score).toBe(starterScore);
    const free = base();
    free.graph.nodes = [...free.graph.nodes, { id: 'api-4', kind: 'service', label: 'API 4', position: { x: 0, y: 0 }, props: { workers: 1e9 } }];
    expect(row(free).error).toMatch(/nodes\[6\]\.props\.workers \(node "api-4", service\): Too big/);
    // A locked node's infinity is put back with the rest of it; a free node's is refused.
    expect(row(null, JSON.stringify(base()).replace('"latencyMs":3', '"latencyMs":1e999')).score).toBe(starterScore);
    free.graph.nodes = [...free.graph.nodes.slice(0, -1), { id: 'api-4', kind: 'service', label: 'API 4', position: { x: 0, y: 0 }, props: { startupMs: 12345 } }];
    const text = JSON.stringify(free).replace('"startupMs":12345', '"startupMs":1e999');
    expect(row(null, text).error).toMatch(/nodes\[6\]\.props\.startupMs \(node "api-4", service\): .*Infinity/);
    const nan = base();
    nan.graph.edges = nan.graph.edges.map((e, i) => (i === 0 ? { ...e, props: { ...e.props, latencyMs: null as unknown as number } } : e));
    expect(row(nan).error).toMatch(/edges\[0\]\.props\.latencyMs/);
  });

  it('duplicate node ids, extra fields and an oversized file are refused with what is wrong', () => {
    const dup = base();
    dup.graph.nodes = [...dup.graph.nodes, { ...dup.graph.nodes[1]! }];
    expect(row(dup).error).toMatch(/nodes\[6\]\.id/);
    expect(row({ ...base(), bonus: 100 }).error).toMatch(/bonus/);
    const big = `${JSON.stringify(base()).slice(0, -1)},"student":"${'x'.repeat(SUBMISSION_LIMITS.bytes)}"}`;
    const oversized = row(null, big);
    expect(oversized.score).toBeNull();
    expect(oversized.error).toMatch(/MB|bytes|large/i);
  });
});
