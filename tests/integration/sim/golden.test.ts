/**
 * Committed trace hashes: a change to any of them means the simulator's behaviour changed.
 * If that is intended, regenerate golden-hashes.json and say why in the commit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim/index';
import { GOLDEN } from './goldenScenarios';

const hashes = JSON.parse(readFileSync(new URL('./golden-hashes.json', import.meta.url), 'utf8')) as Record<string, string>;

describe('golden trace hashes', () => {
  it('covers every golden scenario', () => {
    expect(Object.keys(hashes).sort()).toEqual(Object.keys(GOLDEN).sort());
  });
  for (const [name, { graph, scenario }] of Object.entries(GOLDEN)) {
    it(name, () => {
      expect(simulate(graph, scenario).traceHash).toBe(hashes[name]);
    });
  }
});
