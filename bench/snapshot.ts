/**
 * A behaviour snapshot for simulator speed work: every lesson's reference and starter design
 * under its scenario (seed as given and seed 7) and the two bench models, each reduced to its
 * trace hash, a digest of the whole RunResult, and a digest of the full event trace. Take one
 * before a change and compare after it; a speed-up must leave all three unchanged.
 *   node scripts/bundled.mjs bench/snapshot.ts out/before.json
 *   node scripts/bundled.mjs bench/snapshot.ts out/after.json --compare out/before.json
 * (the output file is optional with --compare).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Graph } from '../src/shared/graph';
import type { Scenario } from '../src/shared/scenario';
import { simulate } from '../src/main/sim/index';
import { mmcGraph, tierGraph } from './models';

const PACK = path.resolve(process.cwd(), 'lessons/stateless-vs-stateful');
const digest = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 16);

function snapshot(graph: Graph, scenario: Scenario): string {
  const trace = createHash('sha1');
  const traced = simulate(graph, scenario, { trace: (e) => trace.update(JSON.stringify(e)) });
  const plain = simulate(graph, scenario);
  // The traced run and the plain one must agree too (tracing must not change behaviour).
  const same = traced.traceHash === plain.traceHash && JSON.stringify(traced) === JSON.stringify(plain);
  return `${plain.traceHash} ${digest(JSON.stringify(plain))} ${trace.digest('hex').slice(0, 16)}${same ? '' : ' TRACED-RUN-DIFFERS'}`;
}

const out: Record<string, string> = {};
for (const file of readdirSync(path.join(PACK, 'lessons')).sort()) {
  const lesson = JSON.parse(readFileSync(path.join(PACK, 'lessons', file), 'utf8')) as { scenario: Scenario };
  for (const design of ['reference', 'starter']) {
    const graph = JSON.parse(readFileSync(path.join(PACK, 'graphs', file.replace('.lesson.json', `.${design}.json`)), 'utf8')) as Graph;
    out[`${file}/${design}`] = snapshot(graph, lesson.scenario);
    out[`${file}/${design}/seed7`] = snapshot(graph, { ...lesson.scenario, seed: 7 });
  }
}
out['mmc'] = snapshot(mmcGraph(4, 0.9, 1), { seed: 1, durationMs: 20_000 });
out['tier'] = snapshot(tierGraph(5000), { seed: 1, durationMs: 5_000 });

const args = process.argv.slice(2);
const at = args.indexOf('--compare');
const against = at >= 0 ? args[at + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
if (file !== undefined) writeFileSync(file, JSON.stringify(out, null, 1));
if (against !== undefined) {
  const before = JSON.parse(readFileSync(against, 'utf8')) as Record<string, string>;
  const changed = Object.keys({ ...before, ...out }).filter((k) => before[k] !== out[k]);
  for (const k of changed) console.log(`changed: ${k}\n  before ${before[k] ?? '(none)'}\n  after  ${out[k] ?? '(none)'}`);
  console.log(changed.length === 0 ? `${Object.keys(out).length} runs, all unchanged` : `${changed.length} of ${Object.keys(out).length} runs changed`);
  process.exit(changed.length === 0 ? 0 : 1);
}
console.log(`${Object.keys(out).length} runs snapshotted${file === undefined ? '' : ` to ${file}`}`);
