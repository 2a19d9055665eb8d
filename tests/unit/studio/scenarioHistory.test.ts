import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, emptyHistory, recordEdit, redoEdit, undoEdit } from '../../../src/renderer/src/studio/scenarioHistory';
import type { Scenario } from '../../../src/shared/scenario';

const at = (...targets: string[]): Scenario => ({ seed: 1, durationMs: 30_000, faults: targets.map((target, i) => ({ atMs: 1000 * i, action: 'crash', target })) });

describe('undo of scenario edits', () => {
  it('undoes drops one at a time and redoes them, and a new edit forgets the redo', () => {
    const s0 = at();
    const s1 = at('api-1');
    const s2 = at('api-1', 'api-2');
    let h = recordEdit(emptyHistory(''), 'pack#0', s0, 0);
    h = recordEdit(h, 'pack#0', s1, 10_000);
    expect(canUndo(h, 'pack#0')).toBe(true);
    const back = undoEdit(h, 'pack#0', s2)!;
    expect(back.scenario).toBe(s1);
    const back2 = undoEdit(back.history, 'pack#0', s1)!;
    expect(back2.scenario).toBe(s0);
    expect(undoEdit(back2.history, 'pack#0', s0)).toBeUndefined();
    const forward = redoEdit(back2.history, 'pack#0', s0)!;
    expect(forward.scenario).toBe(s1);
    expect(redoEdit(forward.history, 'pack#0', s1)!.scenario).toBe(s2);
    expect(canRedo(recordEdit(forward.history, 'pack#0', s1, 20_000), 'pack#0')).toBe(false);
  });

  it('merges keystrokes in one field into one step, not edits of different fields or far apart', () => {
    let h = emptyHistory('pack#0');
    h = recordEdit(h, 'pack#0', at('a'), 0, '0.atMs');
    h = recordEdit(h, 'pack#0', at('b'), 300, '0.atMs');
    h = recordEdit(h, 'pack#0', at('c'), 600, '0.atMs');
    expect(h.past).toHaveLength(1);
    expect(undoEdit(h, 'pack#0', at('d'))!.scenario).toEqual(at('a'));
    h = recordEdit(h, 'pack#0', at('d'), 700, '0.id');
    h = recordEdit(h, 'pack#0', at('e'), 5_000, '0.id');
    expect(h.past).toHaveLength(3);
  });

  it("never replays another lesson's steps", () => {
    const h = recordEdit(emptyHistory(''), 'pack#0', at('a'), 0);
    expect(canUndo(h, 'pack#1')).toBe(false);
    expect(undoEdit(h, 'pack#1', at('z'))).toBeUndefined();
    expect(recordEdit(h, 'pack#1', at('y'), 1).past).toHaveLength(1);
  });
});
