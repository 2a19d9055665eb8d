import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';

/** The bench folded: only its strip of run and playback controls shows. */
export const BENCH_STRIP_PX = 52;
/** Smallest open bench: the strip, the metrics and a row of charts. The default (36%) gives a row of charts 120 px plots at 1280x720. */
const BENCH_MIN_PX = 170;
/** Smallest canvas height the split leaves: a lesson's design still reads at this height. */
const DESIGN_MIN_PX = 220;
/** The bench's share while something tall is open in it (a request's sequence diagram). */
const BENCH_ROOMY = 60;

/**
 * The design (palette, canvas, properties) over the lab bench, with a split the student drags.
 * The bench opens when a run arrives and folds to its strip when there is none; a dragged size
 * is remembered across restarts.
 */
export function SplitBench({ design, hasRun, bench, wantsRoom = false }: { design: ReactNode; hasRun: boolean; bench(isOpen: boolean, toggle: () => void): ReactNode; wantsRoom?: boolean }) {
  const panel = usePanelRef();
  const saved = useDefaultLayout({ id: 'statelab.split', storage: globalThis.localStorage, onlySaveAfterUserInteractions: true });
  const [isOpen, setOpen] = useState(false);

  useEffect(() => {
    const p = panel.current;
    if (!p) return;
    if (hasRun && p.isCollapsed()) p.expand();
    if (!hasRun && !p.isCollapsed()) p.collapse();
  }, [hasRun, panel]);

  // A sequence diagram needs height: the bench grows to BENCH_ROOMY % while it is open, then goes back.
  const before = useRef<number>(undefined);
  useEffect(() => {
    const p = panel.current;
    if (!p) return;
    if (wantsRoom) {
      const size = p.getSize().asPercentage;
      if (size < BENCH_ROOMY) {
        before.current = size;
        p.resize(`${BENCH_ROOMY}%`);
      }
    } else if (before.current !== undefined) {
      p.resize(`${before.current}%`);
      before.current = undefined;
    }
  }, [wantsRoom, panel]);

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
