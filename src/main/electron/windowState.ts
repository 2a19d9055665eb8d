// The window's size and position, kept in `<dataDir>/window.json` across launches. What is read
// back is untrusted (a hand-edited or stale file, a monitor since unplugged): it is validated,
// clamped, and dropped to a centred default unless enough of the title bar lands on a display.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../host/files/atomicWrite';

export const WINDOW_STATE_FILE = 'window.json';
export const DEFAULT_WINDOW = { width: 1400, height: 900 } as const;
export const MIN_WINDOW = { width: 900, height: 600 } as const;
const MAX_SIDE = 16_384;
const MAX_FILE_BYTES = 4_096;
/** How much of the window's top strip must be on a display for the saved position to be used. */
const VISIBLE = { width: 120, height: 40 } as const;

const coordinate = z.number().int().min(-MAX_SIDE).max(MAX_SIDE);
const WindowStateSchema = z
  .object({
    x: coordinate,
    y: coordinate,
    width: z.number().int().min(1).max(MAX_SIDE),
    height: z.number().int().min(1).max(MAX_SIDE),
    isMaximized: z.boolean().default(false),
  })
  .strict();
export type WindowState = z.infer<typeof WindowStateSchema>;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowPlacement {
  width: number;
  height: number;
  x?: number;
  y?: number;
  isMaximized: boolean;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Where to open the window, given the saved state (anything) and the displays' work areas.
 * Size is clamped to the minimum and to the largest display; the position is kept only when
 * the window's top strip is visible on some display, so it can always be grabbed and moved.
 */
export function placeWindow(saved: unknown, workAreas: readonly Rect[]): WindowPlacement {
  const parsed = WindowStateSchema.safeParse(saved);
  if (!parsed.success) return { ...DEFAULT_WINDOW, isMaximized: false };
  const state = parsed.data;
  const largest = workAreas.reduce((m, a) => ({ width: Math.max(m.width, a.width), height: Math.max(m.height, a.height) }), { width: 0, height: 0 });
  const clampSide = (value: number, min: number, max: number) => Math.max(min, max > 0 ? Math.min(value, Math.max(min, max)) : value);
  const width = clampSide(state.width, MIN_WINDOW.width, largest.width);
  const height = clampSide(state.height, MIN_WINDOW.height, largest.height);
  const titleStrip = { x: state.x, y: state.y, width, height: VISIBLE.height };
  const isVisible = workAreas.some((area) => {
    const seen = overlap(titleStrip, area);
    return seen.width >= Math.min(VISIBLE.width, width) && seen.height >= VISIBLE.height;
  });
  return isVisible ? { width, height, x: state.x, y: state.y, isMaximized: state.isMaximized } : { width, height, isMaximized: state.isMaximized };
}

/** Reads the saved state; a missing, oversized or unparsable file reads as nothing saved. */
export async function readWindowState(dataDir: string): Promise<unknown> {
  try {
    const text = await readFile(path.join(dataDir, WINDOW_STATE_FILE), 'utf8');
    if (text.length > MAX_FILE_BYTES) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function writeWindowState(dataDir: string, state: WindowState): Promise<void> {
  await writeFileAtomic(path.join(dataDir, WINDOW_STATE_FILE), `${JSON.stringify(state)}\n`);
}
