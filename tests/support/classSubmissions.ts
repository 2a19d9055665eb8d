/**
 * A class's worth of submissions to the built-in session lesson, written to a folder: reference
 * designs, designs that miss one or three checks, starters; right and wrong quiz answers; a few
 * forged stored grades, a few with none, and (optionally) one truncated file. Each file comes with
 * its grade, graded here directly (not through the CSV or the workers), for tests to compare with.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gradeLesson } from '../../src/main/grading/grade';
import { simEngine } from '../../src/main/grading/simEngine';
import { createSubmission } from '../../src/main/grading/submission';
import { openPackSource } from '../../src/main/packs/source';
import { loadPack, type LoadedPack } from '../../src/main/packs/validate';
import type { GradeReport } from '../../src/shared/gradeReport';
import type { Graph } from '../../src/shared/graph';

export const PACK_DIR = path.resolve(__dirname, '../../lessons/stateless-vs-stateful');
export const LESSON_ID = 'session-state';

export interface GeneratedSubmission {
  /** Path relative to the folder. */
  name: string;
  student: string;
  /** The design in the file. */
  graph: Graph;
  /** Its grade, or undefined for the truncated file. */
  report?: GradeReport;
  /** Whether the grade stored in the file claims more than the design earns. */
  isForged: boolean;
}

type Variant = 'reference' | 'slow-health-checks' | 'one-local' | 'starter';
const VARIANTS: Variant[] = ['reference', 'reference', 'slow-health-checks', 'one-local', 'starter', 'slow-health-checks'];

function design(variant: Variant, lesson: LoadedPack['lessons'][number]): Graph {
  const reference = lesson.reference as Graph;
  const edit = (id: string, props: Record<string, unknown>): Graph => ({ ...reference, nodes: reference.nodes.map((n) => (n.id === id ? { ...n, props: { ...n.props, ...props } } : n)) });
  if (variant === 'reference') return reference;
  if (variant === 'starter') return lesson.starter;
  // Detects the crash late: errors go on after it.
  if (variant === 'slow-health-checks') return edit('lb', { healthCheck: { intervalMs: 3000, unhealthyAfter: 3 } });
  // One instance keeps sessions in memory: sessions are lost, and the state is not all outside.
  return edit('api-2', { sessions: 'local-memory', state: 'stateful' });
}

/** Writes `count` submissions under `dir/<subfolder>/`, numbered from `first`. */
export async function writeClassSubmissions(dir: string, count: number, options: { first?: number; subfolder?: string; withBroken?: boolean } = {}): Promise<GeneratedSubmission[]> {
  const pack = await loadPack(await openPackSource(PACK_DIR));
  const lesson = pack.lessons.find((l) => l.lesson.id === LESSON_ID)!;
  const { id: packId, packVersion } = pack.manifest;
  const graded = new Map<string, GradeReport>();
  const gradeOf = (variant: Variant, answer: string) => {
    const key = `${variant}/${answer}`;
    if (!graded.has(key)) graded.set(key, gradeLesson({ packId, packVersion, lesson: lesson.lesson, graph: design(variant, lesson), answers: { 'sticky-share': answer }, starter: lesson.starter }, simEngine).report);
    return graded.get(key)!;
  };
  const folder = path.join(dir, options.subfolder ?? 'class');
  mkdirSync(folder, { recursive: true });
  const out: GeneratedSubmission[] = [];
  for (let k = 0; k < count; k++) {
    const i = (options.first ?? 0) + k;
    const n = String(i + 1).padStart(2, '0');
    const student = i === 3 ? 'Lovelace, Ada' : i === 4 ? '=HYPERLINK("x")' : `Student ${n}`;
    const name = `${options.subfolder ?? 'class'}/student-${n}.json`;
    if (options.withBroken && k === count - 1) {
      writeFileSync(path.join(dir, name), '{"format":"statelab.submission","version":1,"gra');
      out.push({ name, student: '', graph: lesson.starter, isForged: false });
      continue;
    }
    const variant = VARIANTS[i % VARIANTS.length]!;
    const answer = i % 4 === 0 ? 'all' : 'third';
    const report = gradeOf(variant, answer);
    const graph = design(variant, lesson);
    // Every tenth claims full marks it did not earn; another has no stored grade.
    const isForged = i % 10 === 7 && report.checks.some((c) => !c.passed);
    const stored = isForged ? { ...report, score: report.maxScore, checks: report.checks.map((c) => ({ ...c, passed: true, points: c.maxPoints })) } : report;
    const submission = createSubmission({ packId, packVersion, lesson: lesson.lesson, graph, answers: { 'sticky-share': answer }, student, savedAt: new Date('2026-03-01T10:00:00Z'), ...(i % 10 === 9 ? {} : { grade: stored }) });
    writeFileSync(path.join(dir, name), JSON.stringify(submission, null, 2));
    out.push({ name, student, graph, report, isForged });
  }
  return out;
}

/** Per check id of the lesson: how many of the generated (readable) submissions passed it. */
export function passCounts(generated: readonly GeneratedSubmission[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { report } of generated) for (const check of report?.checks ?? []) counts[check.id] = (counts[check.id] ?? 0) + (check.passed ? 1 : 0);
  return counts;
}
