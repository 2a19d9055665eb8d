/**
 * Mutated lesson packs through the pack loader the import uses (loadPack over a zip source): a
 * two-lesson pack cut from the built-in one, with one of its JSON files mutated (manifest, lesson,
 * starter or reference). The loader either refuses it, each problem naming its file and a path,
 * or accepts it, and then every accepted lesson grades its starter and reference to a well-formed
 * report (or the run's budget error): what the validator lets through, grading must handle.
 * PACK_FUZZ_RUNS raises the case count.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SimEngine } from '../../../src/main/grading/engine';
import { gradeLesson } from '../../../src/main/grading/grade';
import { lessonForStudent } from '../../../src/main/grading/variant';
import { zipSource } from '../../../src/main/packs/source';
import { loadPack } from '../../../src/main/packs/validate';
import { EventBudgetError, readMetric, simulate } from '../../../src/main/sim/index';
import { GradeReportSchema } from '../../../src/shared/gradeReport';
import { DocumentError } from '../../../src/shared/json';
import { isSimInputError } from '../../support/graphArb';
import { mutateJson, mutationArb, textDamageArb } from '../../support/jsonMutate';
import { BUILTIN_PACK_DIR } from '../../support/packZip';

const RUNS = Number(process.env.PACK_FUZZ_RUNS ?? 150);
const MAX_EVENTS = 40_000;
const engine: SimEngine = {
  simulate: (graph, scenario) => simulate(graph, { ...scenario, durationMs: Math.min(scenario.durationMs, 3000) }, { maxEvents: MAX_EVENTS }),
  readMetric: (run, metric, window, nodeId) => readMetric(run, metric, window, nodeId),
};

const LESSONS = ['01-any-instance', '02-remote-state'];
const read = (relative: string) => readFileSync(path.join(BUILTIN_PACK_DIR, relative), 'utf8');
const manifest = { ...JSON.parse(read('pack.json')), id: 'small-pack', lessons: LESSONS.map((l) => `lessons/${l}.lesson.json`) };
const files: Record<string, string> = { 'pack.json': JSON.stringify(manifest) };
for (const l of LESSONS) {
  files[`lessons/${l}.lesson.json`] = read(`lessons/${l}.lesson.json`);
  for (const g of ['starter', 'reference']) files[`graphs/${l}.${g}.json`] = read(`graphs/${l}.${g}.json`);
}
const names = Object.keys(files).sort();

const zipOf = (changed: Record<string, string>) => zipSync(Object.fromEntries(Object.entries({ ...files, ...changed }).map(([k, v]) => [k, strToU8(v)])));

describe('mutated lesson packs', () => {
  it('the unmutated small pack loads (the property below starts from a valid pack)', async () => {
    const pack = await loadPack(zipSource(zipOf({}), 'small.zip'));
    expect(pack.lessons.map((l) => l.lesson.id)).toEqual(['any-instance', 'remote-state']);
  });

  it(`load, or are refused naming file and path; what loads grades (${RUNS} cases)`, async () => {
    const seen = { refused: 0, loaded: 0, graded: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), textDamageArb, fc.option(fc.string({ maxLength: 8 }), { nil: undefined }), async (file, mutations, damage, student) => {
        const text = mutateJson(JSON.parse(files[file]!), mutations, damage);
        let pack;
        try {
          pack = await loadPack(zipSource(zipOf({ [file]: text }), 'small.zip'));
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(DocumentError);
          const e = error as DocumentError;
          expect(e.message).toMatch(/small\.zip/);
          for (const issue of e.issues) expect(issue.path, e.message).toMatch(/^[^:]+\.json: ./);
          seen.refused++;
          return;
        }
        seen.loaded++;
        for (const item of pack.lessons) {
          const entry = lessonForStudent(item, student);
          for (const graph of [entry.starter, entry.reference]) {
            if (graph === undefined) continue;
            try {
              const { report } = gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: entry.lesson, graph, starter: entry.starter }, engine);
              const parsed = GradeReportSchema.safeParse(report);
              expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
              expect(report.score).toBeLessThanOrEqual(report.maxScore);
              seen.graded++;
            } catch (error) {
              if (error instanceof EventBudgetError) continue;
              if (isSimInputError(error)) continue;
              throw new Error(`${file} mutated ${JSON.stringify(mutations)}: grading ${item.lesson.id} threw ${String(error)}`, { cause: error });
            }
          }
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.PACK_FUZZ_SEED ?? 20_261_127) },
    );
    if (process.env.FUZZ_STATS) console.log(seen);
  }, 60_000 + RUNS * 500);
});
