/**
 * `npm run sim -- <graph.json> [--scenario <file>] [--seed N] [--duration MS] [--window FROM,TO] [--node ID] [--json]`
 * Runs the simulator on a graph and prints the metric summary and the trace hash. The scenario
 * file may be a bare scenario or a lesson with a `scenario` field. Bad input exits non-zero with
 * a message naming the JSON path and what was expected.
 *
 * Metrics are read with readMetric, as the grader reads them: every catalogue metric over the
 * window (default: the whole run) for the node (default: the metric's scope). `--json` prints them
 * under `metrics`, a metric that measured nothing as null (JSON has no NaN), with the requests
 * still in flight at the end.
 */
import { readFileSync } from 'node:fs';
import { loadDocument } from '../shared/document';
import { GRAPH_LIMITS, graphSpec } from '../shared/graph';
import { errorMessage } from '../shared/i18n/errorTexts';
import { formatZodError, parseUntrustedJson } from '../shared/json';

/** A problem with the command line or its files: printed as is (the CLI speaks English), exit 1. */
class UsageError extends Error {}
import { METRICS, METRIC_NAMES, type MetricWindow } from '../shared/metrics';
import { readAllMetrics } from '../shared/metrics/read';
import { ScenarioSchema, type Scenario } from '../shared/scenario';
import { simulate } from '../main/sim/index';

const USAGE = 'usage: npm run sim -- <graph.json> [--scenario <file>] [--seed N] [--duration MS] [--window FROM,TO] [--node ID] [--json]';

interface Args {
  graph: string;
  scenario?: string;
  seed?: number;
  durationMs?: number;
  window?: MetricWindow;
  node?: string;
  isJson: boolean;
}

/** "--window 1000,5000": milliseconds, from inclusive, to exclusive. */
function parseWindow(v: string): MetricWindow {
  const m = /^(\d{1,9}),(\d{1,9})$/.exec(v);
  if (m === null) throw new UsageError(`--window: expected FROM,TO in whole milliseconds (e.g. 1000,5000), found "${v}".`);
  const fromMs = Number(m[1]);
  const toMs = Number(m[2]);
  if (toMs <= fromMs) throw new UsageError(`--window: TO (${toMs}) must be after FROM (${fromMs}).`);
  return { fromMs, toMs };
}

function parseArgs(argv: string[]): Args {
  const out: Partial<Args> & { isJson: boolean } = { isJson: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value.\n${USAGE}`);
      return v;
    };
    const int = (v: string) => {
      if (!/^\d+$/.test(v)) throw new UsageError(`${a}: expected a whole number, found "${v}".`);
      return Number(v);
    };
    if (a === '--json') out.isJson = true;
    else if (a === '--scenario') out.scenario = value();
    else if (a === '--seed') out.seed = int(value());
    else if (a === '--duration') out.durationMs = int(value());
    else if (a === '--window') out.window = parseWindow(value());
    else if (a === '--node') out.node = value().slice(0, 200);
    else if (a.startsWith('--')) throw new UsageError(`Unknown option ${a}.\n${USAGE}`);
    else if (out.graph === undefined) out.graph = a;
    else throw new UsageError(`Unexpected argument "${a}".\n${USAGE}`);
  }
  if (out.graph === undefined) throw new UsageError(USAGE);
  return out as Args;
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read the ${what} ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseUntrustedJson(text, GRAPH_LIMITS.bytes, errorMessage('noun.fileNamed', { name: `${what} ${path}` }));
}

function loadScenario(path: string | undefined): Scenario {
  if (path === undefined) return { seed: 1, durationMs: 60_000, faults: [] };
  const raw = readJson(path, 'scenario');
  const isLesson = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'scenario' in raw;
  const body = isLesson ? (raw as { scenario: unknown }).scenario : raw;
  const parsed = ScenarioSchema.safeParse(body);
  if (!parsed.success) throw new UsageError(`The scenario ${path} has problems:\n${formatZodError(parsed.error, isLesson ? 'scenario' : '')}`);
  return parsed.data;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const graph = loadDocument(readJson(args.graph, 'graph'), graphSpec);
  const scenario = { ...loadScenario(args.scenario) };
  if (args.seed !== undefined) scenario.seed = args.seed;
  if (args.durationMs !== undefined) scenario.durationMs = args.durationMs;
  const run = simulate(graph, scenario);
  if (args.node !== undefined && !run.nodes.some((n) => n.id === args.node)) {
    throw new UsageError(`--node: no node "${args.node}" in this run. Nodes: ${run.nodes.map((n) => n.id).join(', ')}.`);
  }
  const metrics = readAllMetrics(run, args.window ?? {}, args.node);
  if (args.isJson) {
    // NaN (nothing measured) becomes null: JSON has no NaN.
    const asJson = Object.fromEntries(METRIC_NAMES.map((name) => [name, Number.isNaN(metrics[name]) ? null : metrics[name]]));
    const out = {
      traceHash: run.traceHash,
      seed: run.seed,
      durationMs: run.durationMs,
      endedAtMs: run.endedAtMs,
      eventsProcessed: run.eventsProcessed,
      window: args.window ?? { fromMs: 0, toMs: run.endedAtMs },
      node: args.node ?? null,
      metrics: asJson,
      requestsInFlight: run.requestsInFlight,
      network: run.network,
      summary: run.summary,
      events: run.events,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  }
  const scope = `${args.window === undefined ? '' : `, window ${args.window.fromMs}–${args.window.toMs} ms`}${args.node === undefined ? '' : `, node ${args.node}`}`;
  const lines = [`StateLab simulation: seed ${run.seed}, ${run.durationMs} ms simulated, ${run.eventsProcessed} events${scope}`];
  for (const name of METRIC_NAMES) {
    const def = METRICS[name];
    const v = metrics[name];
    // NaN: the metric measured nothing (e.g. no recovery happened).
    const shown = Number.isNaN(v) ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(4);
    lines.push(`  ${def.label.padEnd(28)} ${shown.padStart(14)}  ${def.unit}`);
  }
  lines.push(`requests in flight at the end: ${run.requestsInFlight}`);
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
