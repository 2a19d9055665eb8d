/**
 * Tracing one request (issue 17) in a 60 s run of lesson 3's starter with its crash: the untraced
 * run, tracing a request by id (one re-run), "first failed request after the crash" (a summary run
 * and a traced run) and one user's journey. CPU time, median of a few; asserts nothing.
 */
import path from 'node:path';
import { simulate } from '../src/main/sim';
import { traceRequests } from '../src/main/sim/trace/run';
import { loadPackFolder } from '../src/main/packs/folder';

const PACK = path.resolve(process.cwd(), 'lessons/stateless-vs-stateful');
const REPEATS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeMs(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export async function runTraceBench(): Promise<void> {
  const pack = await loadPackFolder(PACK);
  const l3 = pack.lessons.find((l) => l.lesson.id === 'session-state')!;
  const scenario = { ...l3.lesson.scenario, durationMs: 60_000 };
  const graph = l3.starter;
  const cases: [string, () => void][] = [
    ['untraced run', () => simulate(graph, scenario)],
    ['trace request users#5000', () => traceRequests(graph, scenario, { kind: 'ids', ids: [{ client: 'users', n: 5000 }] })],
    ['first failed request after the crash', () => traceRequests(graph, scenario, { kind: 'firstFailedAfter', faultIndex: 0 })],
    ['journey of user 7', () => traceRequests(graph, scenario, { kind: 'user', user: 7 })],
  ];
  for (const [name, f] of cases) {
    f();
    const t = median(Array.from({ length: REPEATS }, () => timeMs(f)));
    console.log(`  ${name.padEnd(40)} median CPU ${t.toFixed(1)} ms (60 s of lesson 3's starter)`);
  }
}
