// npm run pack:validate -- <folder|zip> [more...]
// Prints every problem as "file: JSON path: message" (the message names fields in words); exits 1 when any pack has one, 2 on bad usage.
// npm run pack:validate -- --json <folder|zip>  prints one JSON document instead: per pack its problems as {file, path, message, key}.
// npm run pack:validate -- --run <folder|zip>  also grades each lesson's starter (must fail) and reference (must pass).
// npm run pack:validate -- --notes <folder|zip>  also prints each lesson's instructor layer and instructor notes
//   (the notes are for instructors only: the app never sends them to a student's screen).
// npm run pack:validate -- --write-schemas   regenerates lessons/schema/*.json from the zod schemas.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateJsonSchemas, SCHEMA_DIR } from '../main/packs/jsonSchema';
import { simEngine } from '../main/grading/simEngine';
import { checkSolutions, VARIANT_SAMPLES } from '../main/packs/solutions';
import type { LoadedPack, Problem } from '../main/packs/validate';
import { openPackSource } from '../main/packs/source';
import { formatProblem, validatePack } from '../main/packs/validate';

/** One pack's result in --json: where each problem is (file and JSON path) beside its sentence (in words) and its message key. */
interface JsonPack {
  location: string;
  ok: boolean;
  pack?: string;
  packVersion?: string;
  problems: { file: string; path: string; message: string; key?: string }[];
  /** Why the pack could not be opened at all (not a folder or zip, a zip leaving the pack). */
  error?: string;
}
const jsonProblem = (p: Problem) => ({ file: p.file, path: p.path, message: p.message, ...(p.text ? { key: p.text.key } : {}) });

const USAGE = 'Usage: npm run pack:validate -- [--run] [--notes] [--json] <pack folder or .zip> [more packs...]\n       npm run pack:validate -- --write-schemas';

/** The instructor's view of a pack: minutes, difficulty, prerequisites, notes section, variants and instructor notes. */
function printInstructorNotes(pack: LoadedPack): void {
  for (const [i, { lesson }] of pack.lessons.entries()) {
    const facts = [
      lesson.estimatedMinutes !== undefined ? `~${lesson.estimatedMinutes} min` : undefined,
      lesson.difficulty,
      lesson.prerequisites.length > 0 ? `after ${lesson.prerequisites.join(', ')}` : undefined,
      lesson.notesSection ? `notes §${lesson.notesSection.number} ${lesson.notesSection.title.en}` : undefined,
    ].filter(Boolean);
    console.log(`\n${i + 1}. ${lesson.id}: ${lesson.title.en}${facts.length > 0 ? ` (${facts.join('; ')})` : ''}`);
    for (const p of lesson.variants?.parameters ?? []) console.log(`   variant ${p.id}: ${p.min}…${p.max} step ${p.step} → ${p.sets.join(', ')}`);
    if (lesson.predictions.length > 0) console.log(`   predictions: ${lesson.predictions.map((p) => p.id).join(', ')}`);
    for (const [locale, text] of Object.entries(lesson.instructorNotes ?? {})) console.log(`   [${locale}] ${text}`);
  }
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args.includes('--help')) {
    console.error(USAGE);
    return 2;
  }
  if (args.length === 1 && args[0] === '--write-schemas') {
    await mkdir(SCHEMA_DIR, { recursive: true });
    for (const [file, text] of Object.entries(generateJsonSchemas())) await writeFile(path.join(SCHEMA_DIR, file), text);
    console.log(`Wrote the JSON Schemas to ${SCHEMA_DIR}/.`);
    return 0;
  }
  const isRun = args.includes('--run');
  const isNotes = args.includes('--notes');
  const isJson = args.includes('--json');
  let failed = false;
  const report: JsonPack[] = [];
  for (const location of args.filter((a) => a !== '--run' && a !== '--notes' && a !== '--json')) {
    try {
      const validated = await validatePack(await openPackSource(location));
      const { pack } = validated;
      const problems = pack && isRun ? checkSolutions(pack, simEngine) : validated.problems;
      if (isJson) {
        if (!pack || problems.length > 0) failed = true;
        report.push({ location, ok: Boolean(pack) && problems.length === 0, ...(pack ? { pack: pack.manifest.id, packVersion: pack.manifest.packVersion } : {}), problems: problems.map(jsonProblem) });
        continue;
      }
      if (pack && problems.length === 0) {
        const withVariants = pack.lessons.filter((l) => l.lesson.variants).length;
        const proved = isRun && withVariants > 0 ? `; ${withVariants} with variants, each proved over ${VARIANT_SAMPLES} students' variants` : '';
        console.log(`${location}: OK: pack "${pack.manifest.id}" ${pack.manifest.packVersion}, ${pack.lessons.length} lesson(s)${proved}`);
        if (isNotes) printInstructorNotes(pack);
        continue;
      }
      failed = true;
      console.log(`${location}: ${problems.length} problem(s)`);
      for (const problem of problems) console.log(`  ${formatProblem(problem)}`);
    } catch (error) {
      failed = true;
      if (isJson) {
        report.push({ location, ok: false, problems: [], error: error instanceof Error ? error.message : String(error) });
        continue;
      }
      // Errors from opening a pack already name the folder or zip.
      console.log(error instanceof Error ? error.message : `${location}: ${String(error)}`);
    }
  }
  if (isJson) console.log(JSON.stringify({ packs: report }, null, 2));
  return failed ? 1 : 0;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
