import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { ISOLATED_FILES } from './tests/support/isolatedFiles.mjs';

/**
 * Vitest runs src through Vite's module runner, which reads every imported name as a property of
 * the imported module's exports object, through a getter, on every use: the simulator's hot loop
 * pays that on each call between its modules. Measured on the 2-core CI machine (CPU time, grading
 * every lesson's reference on three seeds): 8.1–8.4 s under the runner, 5.4–5.5 s with this plugin,
 * 5.7–6.4 s for the same code bundled by esbuild as the app ships it. The plugin binds the named
 * imports between the pure layers' own modules (`import { a } from './x'`) to constants once the
 * imported module has run, which is what native ES modules give: nothing in src reassigns an export
 * (no `export let`), and src has no import circles (tests/unit/architecture/importCycles.test.ts),
 * so every imported module has finished running when its importer reads it. Lines are kept as they
 * were, so stack traces point at the right line. Only src/main/sim, src/main/grading and
 * src/shared: code a test spies on or mocks (vi.mock, vi.spyOn) lives elsewhere.
 */
function bindLocalImports(): Plugin {
  const PURE = /\/src\/(main\/sim|main\/grading|shared)\/[^?]*\.tsx?$/;
  const NAMED_IMPORT = /^import\s*\{([^}]*)\}\s*from\s*(["'])(\.[^"']*)\2;?[ \t]*$/gm;
  return {
    name: 'statelab-bind-local-imports',
    enforce: 'post',
    transform(code, id) {
      if (!PURE.test(id.replaceAll('\\', '/'))) return null;
      let count = 0;
      const out = code.replace(NAMED_IMPORT, (statement: string, names: string, quote: string, from: string) => {
        const namespace = `__statelab_import${count++}`;
        const bindings = names
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '')
          .map((name) => name.replace(/^(\S+)\s+as\s+(\S+)$/, '$1: $2'));
        // The statement's own line breaks stay, so every line after it keeps its number.
        const breaks = '\n'.repeat(statement.split('\n').length - 1);
        return `import * as ${namespace} from ${quote}${from}${quote}; const { ${bindings.join(', ')} } = ${namespace};${breaks}`;
      });
      return count === 0 ? null : { code: out, map: null };
    },
  };
}

/**
 * The slowest test files (seconds of simulation each), longest first, as measured on the 2-core CI
 * machine. Vitest runs the longest files first when it has timings from an earlier run; a fresh
 * clone (CI) has none, and it then starts the largest files first, which put these small but slow
 * files last: one of them running alone for a minute after the rest had finished. Listed here,
 * they start first and the other worker shares out the many short files. A file missing from the
 * list only runs later; nothing else depends on it.
 */
const SLOW_FIRST = [
  'tests/integration/lessons/gradingWrongAnswers.test.ts',
  'tests/integration/lessons/gradingReference.test.ts',
  'tests/integration/lessons/frame.test.ts',
  'tests/integration/sim/cli.test.ts',
  'tests/integration/packs/solutions.test.ts',
  'tests/integration/lessons/grading.test.ts',
  'tests/integration/host/budgets.test.ts',
  'tests/integration/sim/budget.test.ts',
  'tests/integration/fuzz/documents.test.ts',
  'tests/integration/grading/variants.test.ts',
  'tests/integration/host/classResults.test.ts',
  'tests/integration/grading/bulkGrade.test.ts',
  'tests/integration/lessons/traceHashes.test.ts',
  'tests/integration/lessons/detectorAlone.test.ts',
  'tests/integration/lessons/capacityPrice.test.ts',
  // A few seconds each, one test apiece: left to their alphabetical turn, importCycles (7 s) ran
  // alone after every other file had finished.
  'tests/integration/fuzz/simulate.test.ts',
  'tests/unit/architecture/importCycles.test.ts',
  'tests/unit/sim/lru.test.ts',
  'tests/unit/sim/eventQueue.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = SLOW_FIRST.findIndex((file) => spec.moduleId.replaceAll('\\', '/').endsWith(`/${file}`));
      return index === -1 ? SLOW_FIRST.length : index;
    };
    return sorted.map((spec, order) => ({ spec, order, rank: rank(spec) })).sort((a, b) => a.rank - b.rank || a.order - b.order).map(({ spec }) => spec);
  }
}

// Playwright specs live in tests/e2e and must never be collected here.
const TEST_FILES = ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'src/**/*.test.ts'];

/**
 * Test files run in workers that keep the modules they have loaded for the next file (`isolate:
 * false`, the "shared" project): src and its packages are loaded and compiled once per worker
 * instead of once per file. Measured on the 2-core machine, tests/unit (127 files): 126 s of CPU
 * isolated, 48 s shared. Vitest still restores spies (vi.restoreAllMocks) after each file; a test
 * that changes a setting, a timer or an environment variable puts it back. The files that replace a
 * module or a global for the whole file (tests/support/isolatedFiles.mts) run isolated, each in a
 * fresh module graph of its own.
 */
export default defineConfig({
  plugins: [bindLocalImports()],
  test: {
    projects: [
      { extends: true, test: { name: 'shared', include: TEST_FILES, exclude: ISOLATED_FILES, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED_FILES } },
    ],
    environment: 'node',
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI machine,
    // where most of the suite is CPU-bound simulation. Two workers there; the default on bigger ones.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowFirstSequencer },
  },
});
