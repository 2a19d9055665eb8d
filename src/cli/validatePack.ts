// npm run pack:validate -- <folder|zip> [more...]
// Prints every problem as "file: JSON path: message"; exits 1 when any pack has one, 2 on bad usage.
// npm run pack:validate -- --run <folder|zip>  also grades each lesson's starter (must fail) and reference (must pass).
// npm run pack:validate -- --write-schemas   regenerates lessons/schema/*.json from the zod schemas.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateJsonSchemas, SCHEMA_DIR } from '../main/packs/jsonSchema';
import { simEngine } from '../main/grading/simEngine';
import { checkSolutions } from '../main/packs/solutions';
import { openPackSource } from '../main/packs/source';
import { formatProblem, validatePack } from '../main/packs/validate';

const USAGE = 'Usage: npm run pack:validate -- [--run] <pack folder or .zip> [more packs...]\n       npm run pack:validate -- --write-schemas';

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
  let failed = false;
  for (const location of args.filter((a) => a !== '--run')) {
    try {
      const validated = await validatePack(await openPackSource(location));
      const { pack } = validated;
      const problems = pack && isRun ? checkSolutions(pack, simEngine) : validated.problems;
      if (pack && problems.length === 0) {
        console.log(`${location}: OK: pack "${pack.manifest.id}" ${pack.manifest.packVersion}, ${pack.lessons.length} lesson(s)`);
        continue;
      }
      failed = true;
      console.log(`${location}: ${problems.length} problem(s)`);
      for (const problem of problems) console.log(`  ${formatProblem(problem)}`);
    } catch (error) {
      failed = true;
      // Errors from opening a pack already name the folder or zip.
      console.log(error instanceof Error ? error.message : `${location}: ${String(error)}`);
    }
  }
  return failed ? 1 : 0;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
