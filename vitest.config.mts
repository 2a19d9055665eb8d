import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

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

export default defineConfig({
  test: {
    // Playwright specs live in tests/e2e and must never be collected here.
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI machine,
    // where most of the suite is CPU-bound simulation. Two workers there; the default on bigger ones.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowFirstSequencer },
  },
});
