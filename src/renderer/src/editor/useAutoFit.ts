/**
 * Keeps the whole design in view when the space around it changes: after a design or lesson is
 * opened, after a run opens the charts, after a side panel folds, the split is dragged or the
 * window is resized. Once the student pans or zooms by hand, their view is left alone until the
 * next open or Fit view, with one exception: a shrinking canvas that would cut off a design the
 * student could see whole (their view showed every node; now some would fall outside) fits again.
 * A click on the canvas or a node is no move (React Flow starts a "move" on every press).
 */
import { useReactFlow, type FitViewOptions, type Viewport } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { overlaps, type Rect } from '../canvas/edgeLabelFit';

/** Room kept clear along the bottom edge for the zoom controls, or the minimap when it shows. */
export const CONTROLS_CLEARANCE_PX = 52;
export const MINIMAP_CLEARANCE_PX = 128;
/** Closer than this the design is blown up past its natural size. */
const MAX_FIT_ZOOM = 1;
/** Nodes measured this soon after a fit (live state appearing with a run) fit again. */
const SETTLE_MS = 1_500;
const OVERLAYS = '.react-flow__controls, .react-flow__minimap';

/** The fit that keeps a band along the bottom clear of the overlays. */
export function fitOptions(isMinimapShown: boolean): FitViewOptions {
  return { padding: { top: '16px', left: '16px', right: '16px', bottom: `${isMinimapShown ? MINIMAP_CLEARANCE_PX : CONTROLS_CLEARANCE_PX}px` }, maxZoom: MAX_FIT_ZOOM };
}
/** The fit that uses the whole canvas: taken when no node then lands under an overlay. */
const TIGHT_FIT: FitViewOptions = { padding: { top: '16px', left: '16px', right: '16px', bottom: '16px' }, maxZoom: MAX_FIT_ZOOM };

type Size = { width: number; height: number };

export function useAutoFit(wrapper: RefObject<HTMLElement | null>, loadSerial: number, nodeCount: number, isMinimapShown: boolean) {
  const flow = useReactFlow();
  const options = useMemo(() => fitOptions(isMinimapShown), [isMinimapShown]);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const hasUserMoved = useRef(false);
  /** The viewport where a press on the canvas began. */
  const moveFrom = useRef<Viewport>(undefined);
  const settleUntil = useRef(0);
  const frame = useRef(0);
  const nodeCountRef = useRef(nodeCount);
  nodeCountRef.current = nodeCount;

  /** A layout change opens a short window in which nodes that grow (a run's live state) fit again. */
  const fit = useCallback((settle: 'open-window' | 'close-window' | 'keep-window') => {
    if (settle !== 'keep-window') settleUntil.current = settle === 'open-window' ? performance.now() + SETTLE_MS : 0;
    cancelAnimationFrame(frame.current);
    // Most designs leave the corners free: fit to the whole canvas, and keep the bottom band
    // clear only when that fit puts a node under the zoom controls or the minimap.
    const coversANode = () => {
      const pane = wrapper.current?.querySelector('.react-flow')?.getBoundingClientRect();
      if (!pane) return false;
      const overlays: Rect[] = [...wrapper.current!.querySelectorAll(OVERLAYS)].map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.left - pane.left, y: r.top - pane.top, width: r.width, height: r.height };
      });
      const { x, y, zoom } = flow.getViewport();
      return flow.getNodes().some((n) => {
        const box = { x: n.position.x * zoom + x, y: n.position.y * zoom + y, width: (n.measured?.width ?? 0) * zoom, height: (n.measured?.height ?? 0) * zoom };
        return overlays.some((o) => overlaps(box, o));
      });
    };
    frame.current = requestAnimationFrame(() => {
      void flow.fitView(TIGHT_FIT).then(() => {
        if (coversANode()) void flow.fitView(optionsRef.current);
      });
    });
  }, [flow, wrapper]);

  /** Whether every measured node lies inside a canvas of `size` under the current viewport (the pane's corner does not move). */
  const isAllInside = useCallback(
    (size: Size) => {
      const { x, y, zoom } = flow.getViewport();
      return flow.getNodes().every((n) => {
        const left = n.position.x * zoom + x;
        const top = n.position.y * zoom + y;
        return left >= -0.5 && top >= -0.5 && left + (n.measured?.width ?? 0) * zoom <= size.width + 0.5 && top + (n.measured?.height ?? 0) * zoom <= size.height + 0.5;
      });
    },
    [flow],
  );
  /** The canvas's size at the last resize seen. */
  const lastSize = useRef<Size>(undefined);

  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const size = { width: el.clientWidth, height: el.clientHeight };
      const before = lastSize.current;
      lastSize.current = size;
      if (nodeCountRef.current === 0) return;
      if (!hasUserMoved.current) fit('open-window');
      else if (before && isAllInside(before) && !isAllInside(size)) fit('open-window');
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [wrapper, fit, isAllInside]);

  useEffect(() => {
    hasUserMoved.current = false;
    // React Flow holds a fit until the opened design's nodes are measured.
    if (nodeCountRef.current > 0) fit('close-window');
    else settleUntil.current = 0;
  }, [loadSerial, fit]);

  useEffect(() => {
    if (!hasUserMoved.current && nodeCountRef.current > 0) fit('open-window');
  }, [isMinimapShown, fit]);

  return {
    options,
    /** React Flow's onMoveStart: an event means the student may be moving the view (or only pressing on it). */
    onMoveStart: useCallback((event: unknown, viewport: Viewport) => {
      if (event) moveFrom.current = viewport;
    }, []),
    /** React Flow's onMoveEnd: a press that moved the view is the student's own view. */
    onMoveEnd: useCallback((event: unknown, viewport: Viewport) => {
      const from = moveFrom.current;
      moveFrom.current = undefined;
      if (event && (!from || from.x !== viewport.x || from.y !== viewport.y || from.zoom !== viewport.zoom)) hasUserMoved.current = true;
    }, []),
    onZoomByHand: useCallback(() => {
      hasUserMoved.current = true;
    }, []),
    /** Measured nodes changed size: fit again if that is the tail of a layout change (not a node just added). */
    onNodesMeasured: useCallback(() => {
      if (!hasUserMoved.current && performance.now() < settleUntil.current) fit('keep-window');
    }, [fit]),
    fitNow: useCallback(() => {
      hasUserMoved.current = false;
      fit('close-window');
    }, [fit]),
  };
}
