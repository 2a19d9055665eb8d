// The studio's live verification grades a lesson with variants as pack:validate --run proves it:
// starter and reference as sampled students get them (their values and seed), beside the seeds.
import { describe, expect, it } from 'vitest';
import { simEngine } from '../../../src/main/grading/simEngine';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { verifyLesson } from '../../../src/main/packs/studioVerify';
import { deriveVariant } from '../../../src/shared/variants';
import { PACK_DIR } from '../lessons/expectations';

const pack = await loadPackFolder(PACK_DIR);
const entry = (id: string) => {
  const found = pack.lessons.find((l) => l.lesson.id === id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
};

describe('studio verification over sampled variants', () => {
  it('grades starter and reference as each sampled student gets them: the starter fails, the reference passes', () => {
    const { lesson, starter, reference } = entry('any-instance');
    expect(lesson.variants).toBeDefined();
    const result = verifyLesson({ packId: 'p', lesson, starter, ...(reference ? { reference } : {}), seeds: [1, 2, 3] }, simEngine);
    const variants = result.variants!;
    expect(variants.students.map((s) => s.student)).toEqual(['student-1', 'student-2', 'student-3']);
    for (const s of variants.students) expect(s).toEqual({ student: s.student, ...deriveVariant(lesson.id, lesson.variants, s.student) });
    // Three students do not all get the same values.
    expect(new Set(variants.students.map((s) => JSON.stringify(s.values))).size).toBeGreaterThan(1);
    const graded = variants.checks.filter((row) => row.designs.starter);
    expect(graded.length).toBeGreaterThan(0);
    for (const row of graded) {
      expect(row.designs.reference).toEqual(expect.objectContaining({ passed: 3, total: 3 }));
      expect(row.designs.starter!.total).toBe(3);
    }
    expect(graded.some((row) => row.designs.starter!.passed < 3)).toBe(true);
    expect(result.errors).toEqual([]);
  });

  it('a lesson without variants has no variant rows', () => {
    const { lesson, starter, reference } = entry('remote-state');
    expect(lesson.variants).toBeUndefined();
    const result = verifyLesson({ packId: 'p', lesson, starter, ...(reference ? { reference } : {}), seeds: [1] }, simEngine);
    expect(result.variants).toBeUndefined();
    expect(result.checks.length).toBeGreaterThan(0);
  });
});

describe('studio verification of a wrong answer that serves nobody', () => {
  it('shows its unmeasured checks as nothing measured, not as an English sentence in the table', () => {
    const { lesson, starter, reference } = entry('session-state');
    const result = verifyLesson({ packId: 'p', lesson, starter, ...(reference ? { reference } : {}), seeds: [1] }, simEngine);
    const cells = result.checks.flatMap((row) => Object.values(row.designs));
    const texts = cells.flatMap((cell) => cell!.measured.filter((v) => typeof v === 'string'));
    expect(texts).toEqual([]);
    // The store-not-wired answer serves nobody: its guarded checks fail with nothing measured.
    const guarded = result.checks.find((row) => row.checkId === 'no-loss-while-healthy')!;
    const notWired = Object.entries(guarded.designs).filter(([design]) => design.includes('store-not-wired'));
    expect(notWired.length).toBe(1);
    expect(notWired[0]![1]).toMatchObject({ passed: 0, measured: [null] });
  });
});

describe('studio verification of a design without the node a fault targets', () => {
  it('keeps the reason out of the values, once per cell with its keys, and gives each row its bound', () => {
    // A lesson whose student must add the node the scenario's crash hits: the starter lacks api-2.
    const { lesson, starter, reference } = entry('any-instance');
    const without = { ...starter, nodes: starter.nodes.filter((n) => n.id !== 'api-2'), edges: starter.edges.filter((e) => e.source !== 'api-2' && e.target !== 'api-2') };
    const plain = { ...lesson };
    delete plain.variants;
    const result = verifyLesson({ packId: 'p', lesson: plain, starter: without, ...(reference ? { reference } : {}), seeds: [1, 2] }, simEngine);
    const row = result.checks.find((r) => r.checkId === 'recovered-quickly')!;
    expect(row.bound).toBe('< 1%');
    const cell = row.designs.starter!;
    expect(cell).toMatchObject({ passed: 0, total: 2 });
    // The values are what the run measured (numbers), never the English sentence.
    expect(cell.measured.filter((v) => typeof v === 'string')).toEqual([]);
    expect(cell.error?.keys?.map((k) => k.key)).toEqual(['check.faultTargetToAdd']);
    expect(cell.error?.text).toContain('api-2');
    // The reference has api-2: graded, no reason.
    expect(row.designs.reference!.error).toBeUndefined();
  });
});
