import { describe, expect, it } from 'vitest';
import { NARROW_WINDOW_PX, isPropertiesOpen, readCollapsed, readPropertiesMode } from '../../../src/renderer/src/layout/panelPrefs';

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

  it('keep the properties panel a rail until something is selected, unless the student opened or folded it', () => {
    expect(readPropertiesMode(null, 1280)).toBe('onSelection');
    // What an earlier app saved for an open panel: it now waits for a selection.
    expect(readPropertiesMode(JSON.stringify({ palette: true, properties: false, lesson: false }), 1280)).toBe('onSelection');
    expect(readPropertiesMode(JSON.stringify({ properties: false, propertiesPinned: true }), 1280)).toBe('pinned');
    expect(readPropertiesMode(JSON.stringify({ properties: true, propertiesPinned: true }), 1280)).toBe('folded');
    expect(readPropertiesMode(JSON.stringify({ propertiesPinned: 'yes' }), 1280)).toBe('onSelection');
    expect(readPropertiesMode('{"properties": fa', 1280)).toBe('onSelection');
    expect([isPropertiesOpen('onSelection', false), isPropertiesOpen('onSelection', true), isPropertiesOpen('pinned', false), isPropertiesOpen('folded', true)]).toEqual([false, true, true, false]);
  });
});
