import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';

/** The bench folded: only its strip of run and playback controls shows. */
export const BENCH_STRIP_PX = 52;
/** Smallest open bench the student can drag to (its charts then scroll). It opens at 36 %, grown by what `shortfall` says it lacks. */
const BENCH_MIN_PX = 170;
/** Smallest canvas height the split leaves: a lesson's design still reads at this height. */
const DESIGN_MIN_PX = 220;
/** The most of the split the bench takes while something tall is open in it (a request's sequence diagram). */
const BENCH_ROOMY = 0.6;
/**
 * The design's height (its toolbar and canvas) while the bench holds a request's trace: the student reads the
 * trace against the design, so the design keeps this much with every node readable. The bench took 60 % on its
 * own, which left the canvas 266 px at 1280×720, the design shrunk to fit.
 */
const DESIGN_BESIDE_TRACE_PX = 390;
/** The most of the split the bench takes on its own to show what it needs: the design keeps the other half. */
const BENCH_FIT_MAX = 0.5;

/**
 * The design (palette, canvas, properties) over the lab bench, with a split the student drags.
 * The bench opens when a run arrives and folds to its strip when there is none; a dragged size
 * is remembered across restarts.
 *
 * `shortfall` says how many pixels the open bench lacks to show what a run is for (its first row
 * of charts, the event log's first lines): until the student drags the split themselves, the bench
 * grows by that much as it opens and when the window changes size (a 1280×720 laptop: its 36 % cut
 * the charts above their x axes), up to half the split; the canvas re-fits the design in what is left.
 */
export function SplitBench({
  design,
  hasRun,
  bench,
  wantsRoom = false,
  shortfall,
}: {
  design: ReactNode;
  hasRun: boolean;
  /** `refit`: what the bench shows changed its needs (a note above the results, other charts): grow again if it lacks room. */
  bench(isOpen: boolean, toggle: () => void, refit: () => void): ReactNode;
  wantsRoom?: boolean;
  shortfall?: (bench: HTMLElement) => number;
}) {
  const panel = usePanelRef();
  const saved = useDefaultLayout({ id: 'statelab.split', storage: globalThis.localStorage, onlySaveAfterUserInteractions: true });
  const [isOpen, setOpen] = useState(false);
  const footer = useRef<HTMLElement>(null);
  // A size the student chose (dragged or moved with the keyboard, now or before a restart) is theirs: the bench does not grow past it on its own.
  const isChosen = useRef(saved.defaultLayout !== undefined);
  const onLayoutChanged: typeof saved.onLayoutChanged = (layout, meta) => {
    if (meta.isUserInteraction) isChosen.current = true;
    saved.onLayoutChanged(layout, meta);
  };
  const shortfallRef = useRef(shortfall);
  shortfallRef.current = shortfall;
  const fitFrame = useRef(0);
  /** Grows the open bench by what it lacks, once it has laid out (a frame after it opened or the window changed). */
  const fit = useCallback(() => {
    cancelAnimationFrame(fitFrame.current);
    fitFrame.current = requestAnimationFrame(() => {
      const p = panel.current;
      const el = footer.current;
      const measure = shortfallRef.current;
      if (!p || !el || !measure || isChosen.current || p.isCollapsed()) return;
      const lacking = measure(el);
      if (lacking < 1) return;
      const { inPixels, asPercentage } = p.getSize();
      if (asPercentage <= 0) return;
      const most = (inPixels / asPercentage) * 100 * BENCH_FIT_MAX;
      const wanted = Math.min(Math.ceil(inPixels + lacking), Math.floor(most));
      if (wanted > inPixels + 0.5) p.resize(`${wanted}px`);
    });
  }, [panel]);
  // Again when what the bench needs may have changed: a shorter window, a narrower bench (the window, a side panel
  // unfolded) whose captions and headline numbers wrap onto more lines, another language.
  const language = useTranslation().i18n.language;
  useEffect(() => {
    if (isOpen && hasRun) fit();
  }, [language, isOpen, hasRun, fit]);
  useEffect(() => {
    const el = footer.current;
    if (!isOpen || !hasRun || !el) return;
    let width = el.clientWidth;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      fit();
    });
    observer.observe(el);
    globalThis.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      globalThis.removeEventListener('resize', fit);
    };
  }, [isOpen, hasRun, fit]);
  useEffect(() => () => cancelAnimationFrame(fitFrame.current), []);

  useEffect(() => {
    const p = panel.current;
    if (!p) return;
    if (hasRun && p.isCollapsed()) p.expand();
    if (!hasRun && !p.isCollapsed()) p.collapse();
  }, [hasRun, panel]);

  // A sequence diagram needs height, and the design it is about must stay readable: while it is open the bench
  // takes what the design leaves above DESIGN_BESIDE_TRACE_PX (at most BENCH_ROOMY of the split, at least its least
  // height), larger or smaller than it was, then goes back.
  const before = useRef<number>(undefined);
  useEffect(() => {
    const p = panel.current;
    if (!p) return;
    if (wantsRoom) {
      const { inPixels, asPercentage } = p.getSize();
      if (asPercentage <= 0) return;
      const split = (inPixels / asPercentage) * 100;
      const wanted = Math.max(BENCH_MIN_PX, Math.floor(Math.min(split * BENCH_ROOMY, split - DESIGN_BESIDE_TRACE_PX)));
      if (Math.abs(wanted - inPixels) >= 1) {
        before.current ??= asPercentage;
        p.resize(`${wanted}px`);
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
    <Group orientation="vertical" className="sl-split" defaultLayout={saved.defaultLayout} onLayoutChanged={onLayoutChanged}>
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
        <footer className="sl-footer" ref={footer}>{bench(hasRun && isOpen, toggle, fit)}</footer>
      </Panel>
    </Group>
  );
}
