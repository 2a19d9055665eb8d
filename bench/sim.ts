/**
 * Simulator throughput: StateLab's engine on (a) M/M/4 at utilisation 0.9 and (b) client → load
 * balancer → service → cache → database, 1,000,000 requests each, beside bare hand-written
 * event loops of the same models. Prints requests per second, the ratio, and peak memory.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../src/shared/metrics';
import { simulate } from '../src/main/sim/index';
import { bareMmc, bareTier } from './bareLoops';
import { mmcGraph, tierGraph } from './models';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
/** A benchmark measures the engine over a million requests, past a user run's event budget on purpose. */
const NO_BUDGET = { maxEvents: Number.POSITIVE_INFINITY };
const TSX = path.resolve(__dirname, '../node_modules/.bin/tsx');

interface Row {
  model: string;
  statelabRps: number;
  /** Requests per second of this process's CPU time: steadier than wall time on a shared machine. */
  statelabCpuRps: number;
  bareRps: number;
  requests: number;
  peakRssMb: number;
  note: string;
}

/** Runs f; returns its value, wall seconds and CPU seconds (user + system). */
function time<T>(f: () => T): [T, number, number] {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const v = f();
  const cpu = process.cpuUsage(c0);
  return [v, (performance.now() - t0) / 1000, (cpu.user + cpu.system) / 1e6];
}

/** The machine's 1-minute load average (Linux), so figures from a busy machine are read as such. */
function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?';
  } catch {
    return 'unknown';
  }
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** The two models: each simulates REQUESTS requests with StateLab and with a bare loop. */
const MODELS = {
  a: {
    name: '(a) M/M/4 at ρ=0.9',
    statelab: () => simulate(mmcGraph(4, 0.9, 1), { seed: 1, durationMs: Math.round((REQUESTS * 1) / (0.9 * 4)) }, NO_BUDGET),
    bare: () => {
      const bare = bareMmc(4, 0.9, 1, REQUESTS, 1);
      return { done: bare.done, note: (run: RunResult) => `mean wait ${(run.summary.queueWaitMs ?? NaN).toFixed(3)} ms (bare ${bare.meanWaitMs.toFixed(3)} ms)` };
    },
  },
  b: {
    name: '(b) client→lb→service→cache→db',
    statelab: () => simulate(tierGraph(5000), { seed: 1, durationMs: Math.round((REQUESTS / 5000) * 1000) }, NO_BUDGET),
    bare: () => {
      const bare = bareTier(5000, REQUESTS, 1);
      return { done: bare.done, note: (run: RunResult) => `cache hit ratio ${(run.summary.cacheHitRatio ?? NaN).toFixed(3)} (bare ${bare.hitRatio.toFixed(3)})` };
    },
  },
} as const;
type ModelKey = keyof typeof MODELS;

/**
 * One model's StateLab run in a fresh process, so its peak memory is its own and not what an
 * earlier model or the bare loop left behind. Prints one JSON line.
 */
function childMain(key: ModelKey): void {
  const [run, s, cpuS] = time(() => MODELS[key].statelab());
  console.log(JSON.stringify({ run: { summary: run.summary }, s, cpuS, rssMb: peakRssMb() }));
}

export function runSimBench(): Row[] {
  const rows: Row[] = [];
  for (const key of Object.keys(MODELS) as ModelKey[]) {
    // Through tsx's own binary: the parent's execArgv may carry an --eval that would run this again.
    const child = spawnSync(TSX, [__filename, `--model=${key}`], { encoding: 'utf8', env: process.env, maxBuffer: 16 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`bench model ${key} failed:\n${child.stderr}`);
    const measured = JSON.parse(child.stdout.trim().split('\n').pop()!) as { run: Pick<RunResult, 'summary'>; s: number; cpuS: number; rssMb: number };
    const [bare, b] = time(() => MODELS[key].bare());
    const requests = measured.run.summary.requests;
    rows.push({ model: MODELS[key].name, requests, statelabRps: requests / measured.s, statelabCpuRps: requests / measured.cpuS, bareRps: bare.done / b, peakRssMb: measured.rssMb, note: bare.note(measured.run as RunResult) });
  }
  return rows;
}

const modelArg = process.argv.find((a) => a.startsWith('--model='))?.slice('--model='.length);
if (modelArg === 'a' || modelArg === 'b') childMain(modelArg);

export function printSimBench(rows: Row[]): void {
  console.log(`\nSimulator throughput (requests simulated per wall-clock second); load average ${loadAverage()}`);
  for (const r of rows) {
    console.log(`  ${r.model}`);
    console.log(`    StateLab   ${Math.round(r.statelabRps).toLocaleString('en-US').padStart(12)} req/s   (${r.requests.toLocaleString('en-US')} requests; ${Math.round(r.statelabCpuRps).toLocaleString('en-US')} per CPU-second)`);
    console.log(`    bare loop  ${Math.round(r.bareRps).toLocaleString('en-US').padStart(12)} req/s`);
    console.log(`    ratio      ${(r.statelabRps / r.bareRps).toFixed(2)}    peak RSS of its process ${r.peakRssMb.toFixed(0)} MB    ${r.note}`);
  }
}
