/**
 * Which side panels are folded away, kept across restarts. The saved value is read as untrusted
 * input: anything that does not parse falls back to the defaults for the window's width.
 */
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';

/** The side panels a student can fold away, each with its key in the help overlay. */
export const SIDE_PANELS = {
  palette: { title: 'Components', key: '1' },
  properties: { title: 'Properties', key: '2' },
  lesson: { title: 'Lesson', key: '3' },
} as const;
export type SidePanel = keyof typeof SIDE_PANELS;

export const PANEL_PREFS_KEY = 'statelab.panels';
/** Below this window width the palette starts as a rail of icons, leaving the canvas room. */
export const NARROW_WINDOW_PX = 1366;
/** Far above any real preference record: a larger stored value is ignored, not parsed. */
const MAX_STORED_CHARS = 1_000;

const prefsSchema = z.object({ palette: z.boolean(), properties: z.boolean(), lesson: z.boolean(), propertiesPinned: z.boolean() }).partial();
export type Collapsed = Record<SidePanel, boolean>;

/**
 * How the properties panel shows: folded away by the student; a slim rail until something is
 * selected (the default, leaving a lesson's design room to read at 1280×720); or kept open by the
 * student even with nothing selected (they opened its rail).
 */
export type PropertiesMode = 'folded' | 'onSelection' | 'pinned';

export function defaultCollapsed(windowWidthPx: number): Collapsed {
  return { palette: windowWidthPx < NARROW_WINDOW_PX, properties: false, lesson: false };
}

/** The saved choices over the defaults; a corrupt or oversized record is ignored. */
export function readCollapsed(stored: string | null | undefined, windowWidthPx: number): Collapsed {
  const defaults = defaultCollapsed(windowWidthPx);
  if (!stored || stored.length > MAX_STORED_CHARS) return defaults;
  try {
    const parsed = prefsSchema.safeParse(JSON.parse(stored));
    return parsed.success ? { ...defaults, ...parsed.data } : defaults;
  } catch {
    return defaults;
  }
}

/** The properties panel's saved mode; an unfolded panel the student never opened by hand waits for a selection. */
export function readPropertiesMode(stored: string | null | undefined, windowWidthPx: number): PropertiesMode {
  if (readCollapsed(stored, windowWidthPx).properties) return 'folded';
  if (!stored || stored.length > MAX_STORED_CHARS) return 'onSelection';
  try {
    const parsed = prefsSchema.safeParse(JSON.parse(stored));
    return parsed.success && parsed.data.propertiesPinned ? 'pinned' : 'onSelection';
  } catch {
    return 'onSelection';
  }
}

/** Whether the properties panel shows whole (else as its rail), for its mode and whether anything is selected. */
export const isPropertiesOpen = (mode: PropertiesMode, hasSelection: boolean) => mode === 'pinned' || (mode === 'onSelection' && hasSelection);

export function usePanelPrefs() {
  const [collapsed, setCollapsed] = useState<Collapsed>(() => readCollapsed(globalThis.localStorage?.getItem(PANEL_PREFS_KEY), globalThis.innerWidth ?? 1440));
  const [propertiesMode, setPropertiesMode] = useState<PropertiesMode>(() => readPropertiesMode(globalThis.localStorage?.getItem(PANEL_PREFS_KEY), globalThis.innerWidth ?? 1440));
  useEffect(
    () => globalThis.localStorage?.setItem(PANEL_PREFS_KEY, JSON.stringify({ ...collapsed, properties: propertiesMode === 'folded', ...(propertiesMode === 'pinned' ? { propertiesPinned: true } : {}) })),
    [collapsed, propertiesMode],
  );
  const toggle = useCallback((panel: SidePanel) => setCollapsed((c) => ({ ...c, [panel]: !c[panel] })), []);
  /** The properties panel's button (or its key): folds the open panel away; opens its rail and keeps it open. */
  const toggleProperties = useCallback((isOpenNow: boolean) => setPropertiesMode(isOpenNow ? 'folded' : 'pinned'), []);
  return { collapsed, toggle, propertiesMode, toggleProperties };
}
