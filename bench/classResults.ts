/**
 * Class results: 200 submissions of one lesson graded the way the dashboard does it (one
 * classResults:grade batch through the host, on its worker threads and job limit), timed end to end.
 * The target is under a minute on a 2-core machine.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createHost } from '../src/main/host/services';
import { PACK_DIR, writeClassSubmissions } from '../tests/support/classSubmissions';

export async function runClassResultsBench(count = 200): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'statelab-bench-class-'));
  try {
    const generated = await writeClassSubmissions(dir, count);
    const files = generated.map((g) => ({ fileName: g.name, text: readFileSync(path.join(dir, g.name), 'utf8') }));
    const host = createHost({ host: 'web', builtinPackDirs: [PACK_DIR], dataDir: dir });
    const started = performance.now();
    const result = await host.dispatch('classResults:grade', { jobId: 'bench', packId: 'stateless-vs-stateful', files }, { emit: () => {} });
    const seconds = (performance.now() - started) / 1000;
    host.dispose();
    if (!result.ok) throw new Error(result.error.message);
    console.log(`${count} submissions of one lesson graded in ${seconds.toFixed(1)} s (${availableParallelism()} cores; target: under 60 s on 2)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
