// npm run grade -- --pack <folder|zip> <submission files or folders...> [--out grades.csv] [--workers N]
// Re-grades every submission (the grade inside a file is never trusted) on worker threads and
// writes one CSV row per file; malformed files become rows with their error. Exit code: 0 when
// every file was graded, 1 when some were malformed, 2 on bad usage or a broken pack.
import { writeFile, rename } from 'node:fs/promises';
import { gradesCsv } from '../main/grading/bulk';
import { bulkGrade, collectSubmissionFiles } from '../main/packs/bulkGrade';
import { openPackSource } from '../main/packs/source';
import { loadPack } from '../main/packs/validate';

const USAGE = 'Usage: npm run grade -- --pack <pack folder or .zip> <submission files or folders...> [--out grades.csv] [--workers N]';

interface Args {
  pack?: string;
  out?: string;
  workers?: number;
  paths: string[];
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    try {
      if (arg === '--pack') args.pack = value();
      else if (arg === '--out') args.out = value();
      else if (arg === '--workers') args.workers = Number(value());
      else if (arg.startsWith('--')) return `unknown option ${arg}`;
      else args.paths.push(arg);
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (!args.pack) return 'missing --pack';
  if (args.paths.length === 0) return 'no submission files or folders given';
  if (args.workers !== undefined && !(Number.isInteger(args.workers) && args.workers >= 1 && args.workers <= 64)) return '--workers expects a whole number from 1 to 64';
  return args;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  let pack;
  try {
    pack = await loadPack(await openPackSource(args.pack as string));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const files = await collectSubmissionFiles(args.paths);
  const rows = await bulkGrade({
    pack,
    files,
    ...(args.workers !== undefined ? { workers: args.workers } : {}),
    onProgress: (done, total) => process.stderr.write(`\rgraded ${done}/${total}`),
  });
  process.stderr.write('\n');
  const csv = gradesCsv(pack, rows);
  if (args.out) {
    // Temp + rename: an interrupted run never leaves a half-written grades file.
    const temp = `${args.out}.${process.pid}.tmp`;
    await writeFile(temp, csv);
    await rename(temp, args.out);
  } else process.stdout.write(csv);
  const errors = rows.filter((r) => r.error !== undefined).length;
  const mismatches = rows.filter((r) => r.storedMatched === false).length;
  console.error(`${rows.length} submission(s): ${rows.length - errors} graded, ${errors} malformed, ${mismatches} with a stored grade that did not match.`);
  const framed = rows.filter((r) => r.notes.length > 0).length;
  if (framed > 0) console.error(`${framed} graded after putting back what the lesson does not let students change (see the notes column).`);
  return errors > 0 ? 1 : 0;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
