// Grading holds the lesson's frame on the built-in pack: a second traffic source, a kind the palette
// does not offer, or an edited locked node never scores more than the unmodified starter, and the
// report says what grading put back. Without the frame (no starter given) the same edits do game
// the checks, so these tests would fail if grading stopped holding it.
import { describe, expect, it } from 'vitest';
import { holdFrame } from '../../../src/main/grading/frame';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { loadPackFolder } from '../../../src/main/packs/folder';
import type { LoadedLesson } from '../../../src/main/packs/validate';
import type { GradeReport } from '../../../src/shared/gradeReport';
import { NODE_KINDS, type Graph, type GraphNode } from '../../../src/shared/graph';
import { applyGraphEdit } from '../../../src/shared/graphEdit';
import { EXPECTATIONS, PACK_DIR } from './expectations';

const pack = await loadPackFolder(PACK_DIR);
const LESSONS = ['any-instance', 'remote-state', 'balancing', 'locality', 'capstone'] as const;
const SEEDS = [1, 2, 3] as const;

const at = (id: string): GraphNode => ({ id, kind: 'database', label: id, position: { x: 0, y: 600 }, props: {} });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, kind: 'request' as const, props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } });

interface Tamper {
  name: string;
  edit: (entry: LoadedLesson) => Graph | undefined;
  /** What the report must say grading did. */
  note: RegExp;
}

const TAMPERS: Tamper[] = [
  {
    // The example: healthy extra traffic on its own fast database dilutes the error rate.
    // The database is big enough for it and no bigger: one of a million requests a second would put
    // the design over the budget of the lessons that have one, where what it buys scores nothing
    // (grade.ts holdToBudget) and the test without the frame below would no longer show the gain.
    name: 'extra client',
    edit: ({ starter }) => {
      const users = starter.nodes.find((n) => n.kind === 'client')!;
      const client: GraphNode = { ...users, id: 'client-2', label: 'More users', props: { ...users.props, rps: 10_000 } };
      const db: GraphNode = { ...at('db-extra'), props: { latencyMs: 1, capacityRps: 20_000 } };
      return { ...starter, nodes: [...starter.nodes, client, db], edges: [...starter.edges, edge('client-2', 'db-extra')] };
    },
    note: /^The lesson does not allow a second client; "client-2" was removed before grading/,
  },
  {
    // A kind the palette does not offer, wired into every service.
    name: 'extra kind',
    edit: ({ starter, lesson }) => {
      const kind = NODE_KINDS.find((k) => k !== 'client' && lesson.palette !== undefined && !lesson.palette.includes(k));
      if (kind === undefined) return undefined; // every kind is allowed
      const services = starter.nodes.filter((n) => n.kind === 'service').map((n) => n.id);
      const extra: GraphNode = { ...at('extra-1'), kind, props: kind === 'cache' ? { capacity: 100_000, ttlMs: 60_000, latencyMs: 0.5 } : {} };
      return { ...starter, nodes: [...starter.nodes, extra], edges: [...starter.edges, ...services.map((s) => edge(s, 'extra-1'))] };
    },
    note: /^The lesson does not offer [a-z-]+ nodes; "extra-1" was removed before grading/,
  },
  {
    // Locked nodes edited in the file: the users turned down, a locked database made twice as big
    // (not huge: over a lesson's budget, what it bought would score nothing anyway).
    name: 'edited locked nodes',
    edit: ({ starter, lesson }) => ({
      ...starter,
      nodes: starter.nodes.map((n) => {
        if (n.kind === 'client') return { ...n, props: { ...n.props, rps: 1, users: 1 } };
        if (n.kind === 'database' && lesson.locked.includes(n.id)) return { ...n, props: { ...n.props, capacityRps: 2 * Number(n.props.capacityRps ?? 5000) } };
        return n;
      }),
    }),
    note: /^Locked node "users" was changed; graded with the lesson's settings for it\.$/,
  },
];

function grade(entry: LoadedLesson, graph: Graph, seed: number, isFramed = true): GradeReport {
  const lesson = { ...entry.lesson, scenario: { ...entry.lesson.scenario, seed } };
  const answers = EXPECTATIONS[entry.lesson.id]?.answers ?? {};
  const input = { packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph, answers };
  return gradeLesson(isFramed ? { ...input, starter: entry.starter } : input, simEngine).report;
}

const entryOf = (id: string): LoadedLesson => pack.lessons.find((l) => l.lesson.id === id)!;

describe.each(LESSONS)('lesson %s: grading holds the frame', (id) => {
  const entry = entryOf(id);
  const tampers = TAMPERS.flatMap((t) => {
    const graph = t.edit(entry);
    return graph === undefined ? [] : [{ ...t, graph }];
  });

  it.each(SEEDS)('seed %i: no tampered starter scores more than the starter, and each report says what was reset', (seed) => {
    const starter = grade(entry, entry.starter, seed);
    expect(starter.notes).toBeUndefined();
    for (const t of tampers) {
      const report = grade(entry, t.graph, seed);
      expect(report.score, `${t.name}: ${report.score}/${report.maxScore} vs the starter's ${starter.score}`).toBeLessThanOrEqual(starter.score);
      expect(report.notes?.some((n) => t.note.test(n)), `${t.name}: ${JSON.stringify(report.notes)}`).toBe(true);
    }
  });

  it('is gamed by one of these edits when the frame is not held (so the checks above mean something)', () => {
    const starter = grade(entry, entry.starter, 1, false);
    const best = Math.max(...tampers.map((t) => grade(entry, t.graph, 1, false).score));
    expect(best).toBeGreaterThan(starter.score);
  });
});

describe('the frame changes nothing for a fair design', () => {
  it.each(pack.lessons.map((l) => [l.lesson.id, l] as const))('%s: the reference is graded as it is, without notes', (_id, entry) => {
    const framed = grade(entry, entry.reference!, entry.lesson.scenario.seed);
    expect(framed.notes).toBeUndefined();
    expect(framed).toEqual(grade(entry, entry.reference!, entry.lesson.scenario.seed, false));
  });
});

describe("the lessons' common wrong answers", () => {
  const wrongAnswers = pack.lessons.flatMap((entry) => entry.lesson.wrongAnswers.map((w) => [entry.lesson.id, w.id, entry, w] as const));
  it('are declared', () => expect(wrongAnswers.length).toBeGreaterThan(10));
  it.each(wrongAnswers)('%s, "%s": lies inside the frame, so the app grades it as the tests do', (_id, _name, entry, wrong) => {
    expect(holdFrame(applyGraphEdit(entry.starter, wrong.edit), entry.starter, entry.lesson).notes).toEqual([]);
  });
});

describe('an edited locked node', () => {
  it('is graded exactly as the starter: same run, same checks', () => {
    const entry = entryOf('remote-state');
    const tampered = grade(entry, TAMPERS[2]!.edit(entry)!, 1);
    const { notes, noteKeys, ...rest } = tampered;
    expect(rest).toEqual(grade(entry, entry.starter, 1));
    expect(noteKeys?.map((k) => k.key)).toEqual(['frame.lockedChanged', 'frame.lockedChanged']);
    expect(notes).toEqual(['Locked node "users" was changed; graded with the lesson\'s settings for it.', 'Locked node "db" was changed; graded with the lesson\'s settings for it.']);
  });
});
