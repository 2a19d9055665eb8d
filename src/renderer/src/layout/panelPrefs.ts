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

const prefsSchema = z.object({ palette: z.boolean(), properties: z.boolean(), lesson: z.boolean() }).partial();
export type Collapsed = Record<SidePanel, boolean>;

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

export function usePanelPrefs() {
  const [collapsed, setCollapsed] = useState<Collapsed>(() => readCollapsed(globalThis.localStorage?.getItem(PANEL_PREFS_KEY), globalThis.innerWidth ?? 1440));
  useEffect(() => globalThis.localStorage?.setItem(PANEL_PREFS_KEY, JSON.stringify(collapsed)), [collapsed]);
  const toggle = useCallback((panel: SidePanel) => setCollapsed((c) => ({ ...c, [panel]: !c[panel] })), []);
  return { collapsed, toggle };
}
