/**
 * The scenario editor's state shared by the studio panel and the canvas: the fault being dragged
 * (so the canvas highlights the nodes it may land on), the time picked on the timeline, and every
 * scenario edit with its own undo and redo (the studio's other edits have none; these are the ones
 * a stray drop makes easy to regret). Drops go through faultDrop.ts, which the fault table drives.
 */
import type { Draft } from 'immer';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Graph } from '../../../shared/graph';
import type { CanvasDrop } from '../editor/EditorCanvas';
import type { Scenario } from '../../../shared/scenario';
import { formatSeconds } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';
import { FAULT_MIME, decodeDrag, defaultDropMs, dropOnSpot, dropOnTimeline, targetsFor, type DropSpot, type FaultDrag } from './faultDrop';
import { canRedo, canUndo, emptyHistory, recordEdit, redoEdit, undoEdit, type ScenarioHistory } from './scenarioHistory';
import type { Studio } from './useStudio';

export function useScenarioEdits(studio: Studio, canvas: Graph, nameOnCanvas: (id: string) => string, selectedNodes: ReadonlySet<string>, say: (message: string, isInfo?: boolean) => void) {
  const { t, i18n } = useTranslation('studio');
  // `nameOnCanvas`: what a drop's message calls its node, the name the canvas shows it by ("API 实例 2"), not its id.
  const d = useDomain();
  const [drag, setDrag] = useState<FaultDrag>();
  /** The time picked on the timeline: where canvas drops land. */
  const [pickedMs, setPickedMs] = useState<number>();
  /** The fault just made or moved by a drop, with a serial so the same index focuses again. */
  const [focus, setFocus] = useState<{ index: number; serial: number; isTargetGuessed: boolean }>();
  const [history, setHistory] = useState<ScenarioHistory>(() => emptyHistory(''));
  const historyRef = useRef(history);
  const commitHistory = useCallback((next: ScenarioHistory) => {
    historyRef.current = next; // two edits before the next render both count
    setHistory(next);
  }, []);
  const serial = useRef(0);
  const focusTaken = useRef(0);
  /** True the first time a focus request is seen: a remounted tab does not take focus again. */
  const takeFocus = useCallback((request: number) => {
    if (focusTaken.current >= request) return false;
    focusTaken.current = request;
    return true;
  }, []);

  const scenario = (studio.lessonDoc?.scenario as Scenario | undefined) ?? undefined;
  const where = `${studio.draft?.id ?? ''}#${studio.lessonIndex}`;
  const graph = studio.lesson?.reference ?? studio.lesson?.starter ?? canvas;

  /** Every scenario edit: one undo step (or part of the last, for typing in the same field). */
  const edit = useCallback(
    (recipe: (s: Draft<Scenario>) => void, coalesce?: string) => {
      if (!scenario) return;
      commitHistory(recordEdit(historyRef.current, where, scenario, Date.now(), coalesce));
      studio.editLesson((l) => recipe(l.scenario as Draft<Scenario>));
    },
    [scenario, where, studio, commitHistory],
  );
  const travel = useCallback(
    (step: typeof undoEdit) => {
      const result = scenario && step(historyRef.current, where, scenario);
      if (!result) return;
      commitHistory(result.history);
      studio.editLesson((l) => void (l.scenario = result.scenario as Draft<Scenario>));
    },
    [scenario, where, studio, commitHistory],
  );
  const undo = useCallback(() => travel(undoEdit), [travel]);
  const redo = useCallback(() => travel(redoEdit), [travel]);

  const setFaults = useCallback(
    (faults: Scenario['faults'], index: number, isTargetGuessed: boolean) => {
      edit((s) => void (s.faults = faults as Draft<Scenario>['faults']));
      setFocus({ index, serial: ++serial.current, isTargetGuessed });
    },
    [edit],
  );

  /** A chip or marker dropped on a canvas node or link: the fault is made or retargeted, or the table's refusal in words. */
  const dropOn = useCallback(
    (dragged: FaultDrag, spot: { kind: 'node' | 'edge'; id: string } | undefined): { message: string; isInfo: boolean } | undefined => {
      if (!scenario) return undefined;
      const node = spot?.kind === 'node' ? canvas.nodes.find((n) => n.id === spot.id) : undefined;
      const on: DropSpot | undefined = spot?.kind === 'edge' ? { kind: 'edge', id: spot.id } : node && { kind: 'node', id: node.id, nodeKind: node.kind };
      if (!on) return { message: t('drop.onNothing', { fault: d.fault(dragged.action) }), isInfo: false };
      const atMs = pickedMs ?? defaultDropMs(scenario.durationMs);
      const result = dropOnSpot(scenario.faults ?? [], dragged, on, Math.min(atMs, scenario.durationMs));
      if (!result.ok) {
        if (result.reason === 'no-fault') return undefined;
        const kinds = new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format(result.allowed.map((k) => d.kind(k)));
        return result.reason === 'wrong-kind'
          ? { message: t('drop.wrongKind', { fault: d.fault(result.action), kinds, target: nameOnCanvas(on.id), kind: d.kind(result.nodeKind) }), isInfo: false }
          : { message: t('drop.notLink', { fault: d.fault(result.action), kinds }), isInfo: false };
      }
      setFaults(result.faults, result.index, false);
      const made = result.faults[result.index]!;
      return { message: t(dragged.kind === 'new' ? 'drop.added' : 'drop.retargeted', { fault: d.fault(made.action), target: made.target === undefined ? '' : nameOnCanvas(made.target), time: formatSeconds(made.atMs, i18n.language) }), isInfo: true };
    },
    [scenario, canvas, pickedMs, setFaults, t, d, i18n.language, nameOnCanvas],
  );

  /** A chip dropped on the timeline (or pressed: at the picked time). */
  const addAt = useCallback(
    (dragged: FaultDrag, atMs: number) => {
      if (!scenario) return;
      const result = dropOnTimeline(scenario.faults ?? [], dragged, atMs, graph, selectedNodes);
      if (result) setFaults(result.faults, result.index, result.isTargetGuessed);
    },
    [scenario, graph, selectedNodes, setFaults],
  );

  const highlight = useMemo(() => (drag ? new Set(targetsFor(drag.action, canvas)) : undefined), [drag, canvas]);
  const canvasDrop = useMemo<CanvasDrop>(
    () => ({
      mime: FAULT_MIME,
      highlight,
      onDrop: (data, spot) => {
        setDrag(undefined);
        const dragged = decodeDrag(data);
        return dragged && dropOn(dragged, spot);
      },
    }),
    [highlight, dropOn],
  );

  /** A marker released over the canvas (pointer events, not a drag and drop): retargets it to the node or link under the pointer. */
  const dropMarkerAt = useCallback(
    (index: number, clientX: number, clientY: number) => {
      setDrag(undefined);
      const fault = scenario?.faults?.[index];
      if (!fault) return;
      const under = document.elementFromPoint(clientX, clientY)?.closest<HTMLElement | SVGElement>('.react-flow__node, .react-flow__edge');
      const id = under?.dataset.id;
      const spot = id ? { kind: under.classList.contains('react-flow__edge') ? ('edge' as const) : ('node' as const), id } : undefined;
      if (!spot) return; // released over the panel or nothing: the marker just stays
      const said = dropOn({ kind: 'move', index, action: fault.action }, spot);
      if (said) say(said.message, said.isInfo);
    },
    [scenario, dropOn, say],
  );

  return {
    drag,
    setDrag,
    pickedMs,
    setPickedMs,
    focus,
    takeFocus,
    edit,
    undo,
    redo,
    canUndo: canUndo(history, where),
    canRedo: canRedo(history, where),
    addAt,
    canvasDrop,
    dropMarkerAt,
  };
}
export type ScenarioEdits = ReturnType<typeof useScenarioEdits>;
