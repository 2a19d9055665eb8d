import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';

/** The bench folded: only its strip of run and playback controls shows. */
export const BENCH_STRIP_PX = 52;
/** Smallest open bench: the strip, the metrics and a row of charts. The default (36%) gives a row of charts 120 px plots at 1280x720. */
const BENCH_MIN_PX = 170;
/** Smallest canvas height the split leaves: a lesson's design still reads at this height. */
const DESIGN_MIN_PX = 220;

/**
 * The design (palette, canvas, properties) over the lab bench, with a split the student drags.
 * The bench opens when a run arrives and folds to its strip when there is none; a dragged size
 * is remembered across restarts.
 */
export function SplitBench({ design, hasRun, bench }: { design: ReactNode; hasRun: boolean; bench(isOpen: boolean, toggle: () => void): ReactNode }) {
  const panel = usePanelRef();
  const saved = useDefaultLayout({ id: 'statelab.split', storage: globalThis.localStorage, onlySaveAfterUserInteractions: true });
  const [isOpen, setOpen] = useState(false);

  useEffect(() => {
    const p = panel.current;
    if (!p) return;
    if (hasRun && p.isCollapsed()) p.expand();
    if (!hasRun && !p.isCollapsed()) p.collapse();
  }, [hasRun, panel]);

  const toggle = useCallback(() => {
    const p = panel.current;
    if (!p) return;
    if (p.isCollapsed()) p.expand();
    else p.collapse();
  }, [panel]);

  return (
    <Group orientation="vertical" className="sl-split" defaultLayout={saved.defaultLayout} onLayoutChanged={saved.onLayoutChanged}>
      <Panel id="design" minSize={DESIGN_MIN_PX}>
        {design}
      </Panel>
      <Separator className="sl-split-handle" disabled={!hasRun} />
      <Panel
        id="bench"
        panelRef={panel}
        collapsible
        collapsedSize={BENCH_STRIP_PX}
        minSize={BENCH_MIN_PX}
        defaultSize="36%"
        onResize={(size) => setOpen(size.inPixels > BENCH_STRIP_PX + 1)}
      >
        <footer className="sl-footer">{bench(hasRun && isOpen, toggle)}</footer>
      </Panel>
    </Group>
  );
}
