/**
 * `npm run sim -- <graph.json> [--scenario <file>] [--seed N] [--duration MS] [--json]`
 * Runs the simulator on a graph and prints the metric summary and the trace hash. The scenario
 * file may be a bare scenario or a lesson with a `scenario` field. Bad input exits non-zero with
 * a message naming the JSON path and what was expected.
 */
import { readFileSync } from 'node:fs';
import { loadDocument } from '../shared/document';
import { GRAPH_LIMITS, graphSpec } from '../shared/graph';
import { DocumentError, formatZodError, parseUntrustedJson } from '../shared/json';
import { METRICS, METRIC_NAMES } from '../shared/metrics';
import { ScenarioSchema, type Scenario } from '../shared/scenario';
import { simulate } from '../main/sim/index';

const USAGE = 'usage: npm run sim -- <graph.json> [--scenario <file>] [--seed N] [--duration MS] [--json]';

interface Args {
  graph: string;
  scenario?: string;
  seed?: number;
  durationMs?: number;
  isJson: boolean;
}

function parseArgs(argv: string[]): Args {
  const out: Partial<Args> & { isJson: boolean } = { isJson: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new DocumentError(`${a} needs a value.\n${USAGE}`);
      return v;
    };
    const int = (v: string) => {
      if (!/^\d+$/.test(v)) throw new DocumentError(`${a}: expected a whole number, found "${v}".`);
      return Number(v);
    };
    if (a === '--json') out.isJson = true;
    else if (a === '--scenario') out.scenario = value();
    else if (a === '--seed') out.seed = int(value());
    else if (a === '--duration') out.durationMs = int(value());
    else if (a.startsWith('--')) throw new DocumentError(`Unknown option ${a}.\n${USAGE}`);
    else if (out.graph === undefined) out.graph = a;
    else throw new DocumentError(`Unexpected argument "${a}".\n${USAGE}`);
  }
  if (out.graph === undefined) throw new DocumentError(USAGE);
  return out as Args;
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DocumentError(`Cannot read the ${what} ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseUntrustedJson(text, GRAPH_LIMITS.bytes, `${what} ${path}`);
}

function loadScenario(path: string | undefined): Scenario {
  if (path === undefined) return { seed: 1, durationMs: 60_000, faults: [] };
  const raw = readJson(path, 'scenario');
  const isLesson = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'scenario' in raw;
  const body = isLesson ? (raw as { scenario: unknown }).scenario : raw;
  const parsed = ScenarioSchema.safeParse(body);
  if (!parsed.success) throw new DocumentError(`The scenario ${path} has problems:\n${formatZodError(parsed.error, isLesson ? 'scenario' : '')}`);
  return parsed.data;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const graph = loadDocument(readJson(args.graph, 'graph'), graphSpec);
  const scenario = { ...loadScenario(args.scenario) };
  if (args.seed !== undefined) scenario.seed = args.seed;
  if (args.durationMs !== undefined) scenario.durationMs = args.durationMs;
  const run = simulate(graph, scenario);
  if (args.isJson) {
    process.stdout.write(`${JSON.stringify({ traceHash: run.traceHash, seed: run.seed, durationMs: run.durationMs, eventsProcessed: run.eventsProcessed, summary: run.summary, events: run.events })}\n`);
    return 0;
  }
  const lines = [`StateLab simulation: seed ${run.seed}, ${run.durationMs} ms simulated, ${run.eventsProcessed} events`];
  for (const name of METRIC_NAMES) {
    const def = METRICS[name];
    const v: number | undefined = run.summary[name];
    // Absent: the metric measured nothing in the run (e.g. no recovery happened).
    const shown = v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(4);
    lines.push(`  ${def.label.padEnd(28)} ${shown.padStart(14)}  ${def.unit}`);
  }
  lines.push(`trace hash: ${run.traceHash}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`${msg}\n`);
  process.exitCode = 1;
}
