import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgressStore } from '../../../src/main/host/lessons/progress';
import type { GradeReport } from '../../../src/shared/gradeReport';

const report = (lessonId: string, passed: boolean[]): GradeReport => ({
  packId: 'p',
  packVersion: '1.0.0',
  lessonId,
  appVersion: '0.1.0',
  seed: 1,
  traceHash: 'ab',
  score: passed.filter(Boolean).length,
  maxScore: passed.length,
  checks: passed.map((ok, i) => ({ id: `c${i}`, type: 'metric', title: { en: `c${i}` }, passed: ok, points: ok ? 1 : 0, maxPoints: 1, measured: 0, bound: '== 0' })),
});

describe('lesson progress', () => {
  it('is kept across restarts and only ever improves', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statelab-progress-'));
    const first = createProgressStore(dir);
    await first.record(report('one', [true, false]));
    await first.record(report('one', [true, true]));
    await first.record(report('one', [false, false]));
    await first.record(report('two', [false]));

    const afterRestart = createProgressStore(dir);
    expect(await afterRestart.get('p')).toEqual({
      one: { bestScore: 2, maxScore: 2, isComplete: true },
      two: { bestScore: 0, maxScore: 1, isComplete: false },
    });
    expect(await afterRestart.get('other')).toEqual({});
  });

  it('starts afresh from a damaged file and keeps the damaged copy aside', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statelab-progress-'));
    writeFileSync(path.join(dir, 'progress.json'), '{"format":"statelab.progress","version":1,"packs":{"p":{"one":{"bestScore":"lots"');
    const store = createProgressStore(dir);
    expect(await store.get('p')).toEqual({});
    expect(readFileSync(path.join(dir, 'progress.json.damaged'), 'utf8')).toContain('lots');
    await store.record(report('one', [true]));
    expect(await createProgressStore(dir).get('p')).toEqual({ one: { bestScore: 1, maxScore: 1, isComplete: true } });
  });
});
