// A pack titled only in Chinese got the id "pack" (no Latin letters to make one from), and a second
// such pack was refused: "exists already". The suggested id is numbered past the ids in use.
import { describe, expect, it } from 'vitest';
import { idFromTitle, suggestedPackId } from '../../../src/renderer/src/studio/StudioStart';

describe('a new pack’s suggested id', () => {
  it('comes from the title while that id is free', () => {
    expect(suggestedPackId('Week 5: Sessions', new Set(['pack']))).toBe('week-5-sessions');
    expect(idFromTitle('第五周')).toBe('pack');
  });

  it('is numbered past drafts and installed packs that hold it', () => {
    expect(suggestedPackId('第五周', new Set())).toBe('pack');
    expect(suggestedPackId('第六周', new Set(['pack']))).toBe('pack-2');
    expect(suggestedPackId('第七周', new Set(['pack', 'pack-2', 'pack-3']))).toBe('pack-4');
  });

  it('stays within 64 characters', () => {
    const long = 'a'.repeat(80);
    const id = suggestedPackId(long, new Set(['a'.repeat(64)]));
    expect(id).toHaveLength(64);
    expect(id.endsWith('-2')).toBe(true);
  });
});
