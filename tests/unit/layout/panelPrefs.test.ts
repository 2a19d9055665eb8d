import { describe, expect, it } from 'vitest';
import { NARROW_WINDOW_PX, readCollapsed } from '../../../src/renderer/src/layout/panelPrefs';

describe('side panel preferences', () => {
  it('start with the palette as a rail on a 1280-wide window and open on a 1440-wide one', () => {
    expect(readCollapsed(null, 1280)).toEqual({ palette: true, properties: false, lesson: false });
    expect(readCollapsed(null, 1440)).toEqual({ palette: false, properties: false, lesson: false });
    expect(readCollapsed(null, NARROW_WINDOW_PX).palette).toBe(false);
  });

  it('restore what the student folded', () => {
    expect(readCollapsed(JSON.stringify({ palette: false, properties: true, lesson: true }), 1280)).toEqual({ palette: false, properties: true, lesson: true });
    expect(readCollapsed(JSON.stringify({ lesson: true }), 1440)).toEqual({ palette: false, properties: false, lesson: true });
  });

  it('fall back to the defaults on a corrupt, mistyped or oversized record', () => {
    const defaults = readCollapsed(null, 1280);
    expect(readCollapsed('{"palette": tru', 1280)).toEqual(defaults);
    expect(readCollapsed(JSON.stringify({ palette: 'yes' }), 1280)).toEqual(defaults);
    expect(readCollapsed(JSON.stringify([true, true]), 1280)).toEqual(defaults);
    expect(readCollapsed(JSON.stringify({ lesson: true, padding: 'x'.repeat(5_000) }), 1280)).toEqual(defaults);
  });
});
