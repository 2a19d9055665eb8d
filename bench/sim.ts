/**
 * Simulator throughput: StateLab's engine on (a) M/M/4 at utilisation 0.9 and (b) client → load
 * balancer → service → cache → database, 1,000,000 requests each, beside bare hand-written
 * event loops of the same models. Prints requests per second, the ratio, and peak memory.
 */
import { readFileSync } from 'node:fs';
import { simulate } from '../src/main/sim/index';
import { bareMmc, bareTier } from './bareLoops';
import { mmcGraph, tierGraph } from './models';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);

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

export function runSimBench(): Row[] {
  const rows: Row[] = [];
  {
    const serviceMs = 1;
    const rho = 0.9;
    const durationMs = Math.round((REQUESTS * serviceMs) / (rho * 4));
    const [run, s, cpuS] = time(() => simulate(mmcGraph(4, rho, serviceMs), { seed: 1, durationMs }));
    const rss = peakRssMb();
    const [bare, b] = time(() => bareMmc(4, rho, serviceMs, REQUESTS, 1));
    rows.push({ model: '(a) M/M/4 at ρ=0.9', requests: run.summary.requests, statelabRps: run.summary.requests / s, statelabCpuRps: run.summary.requests / cpuS, bareRps: bare.done / b, peakRssMb: rss, note: `mean wait ${(run.summary.queueWaitMs ?? NaN).toFixed(3)} ms (bare ${bare.meanWaitMs.toFixed(3)} ms)` });
  }
  {
    const rps = 5000;
    const durationMs = Math.round((REQUESTS / rps) * 1000);
    const [run, s, cpuS] = time(() => simulate(tierGraph(rps), { seed: 1, durationMs }));
    const rss = peakRssMb();
    const [bare, b] = time(() => bareTier(rps, REQUESTS, 1));
    rows.push({ model: '(b) client→lb→service→cache→db', requests: run.summary.requests, statelabRps: run.summary.requests / s, statelabCpuRps: run.summary.requests / cpuS, bareRps: bare.done / b, peakRssMb: rss, note: `cache hit ratio ${(run.summary.cacheHitRatio ?? NaN).toFixed(3)} (bare ${bare.hitRatio.toFixed(3)})` });
  }
  return rows;
}

export function printSimBench(rows: Row[]): void {
  console.log(`\nSimulator throughput (requests simulated per wall-clock second); load average ${loadAverage()}`);
  for (const r of rows) {
    console.log(`  ${r.model}`);
    console.log(`    StateLab   ${Math.round(r.statelabRps).toLocaleString('en-US').padStart(12)} req/s   (${r.requests.toLocaleString('en-US')} requests; ${Math.round(r.statelabCpuRps).toLocaleString('en-US')} per CPU-second)`);
    console.log(`    bare loop  ${Math.round(r.bareRps).toLocaleString('en-US').padStart(12)} req/s`);
    console.log(`    ratio      ${(r.statelabRps / r.bareRps).toFixed(2)}    peak RSS so far ${r.peakRssMb.toFixed(0)} MB    ${r.note}`);
  }
}
