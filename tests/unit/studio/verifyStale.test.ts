import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/shared/studio';
import { staleAfterEdit, type VerifyState } from '../../../src/renderer/src/studio/useStudio';

const result = { seeds: [1, 2], checks: [], errors: [] } as unknown as VerifyResult;

describe('the live panel after an edit', () => {
  it('keeps the last result but marks it as from before the edit', () => {
    const after = staleAfterEdit({ state: 'done', result });
    expect(after).toEqual({ state: 'done', result, isStale: true });
    expect(staleAfterEdit(after)).toBe(after);
  });
  it('drops the progress of a run the edit cancelled', () => {
    expect(staleAfterEdit({ state: 'running', fraction: 0.4 })).toEqual({ state: 'idle' });
  });
  it('leaves idle and errors as they are', () => {
    const states: VerifyState[] = [{ state: 'idle' }, { state: 'error', message: 'x' }];
    for (const s of states) expect(staleAfterEdit(s)).toBe(s);
  });
});
