import { useTranslation } from 'react-i18next';
import {
  applyNodeChanges,
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { checkConnection } from '../../../shared/connections';
import { wiringIssuesByNode } from '../../../shared/wiring';
import { NODE_KINDS, type EdgeKind, type NodeKind } from '../../../shared/graph';
import { useStoredFlag } from '../layout/useStoredFlag';
import { LiveEdge } from '../canvas/LiveEdge';
import { StateLabNode, type StateLabFlowNode } from '../canvas/StateLabNode';
import { NODE_KIND_SPECS } from '../../../shared/nodeKinds';
import { PALETTE_MIME } from '../palette/Palette';
import { addEdge, addNode, moveNodes } from './commands';
import { useNameOfId, useNodeName } from '../i18n/nodeNames';
import { syncFlowEdges, syncFlowNodes, type DescribeNode, type Selection } from './flowView';
import { useDomain } from '../i18n/useDomain';
import { Notice, type NoticeState } from './Notice';
import { useAutoFit } from './useAutoFit';
import type { Editor } from './useEditor';

/** Small enough that the fit's bottom clearance keeps it off the design (see useAutoFit). */
const MINIMAP_SIZE = { width: 150, height: 100 };
// Defined at module level so React Flow never sees a new nodeTypes object.
const nodeTypes = { statelab: StateLabNode };
const edgeTypes = { live: LiveEdge };
const GRID = 20;

/** Drops from another drag source on nodes and links (the studio's fault chips): its payload type, what to highlight while it is dragged, what a drop does. */
export interface CanvasDrop {
  mime: string;
  /** Nodes and links the dragged thing may land on; undefined when nothing is dragged. */
  highlight: ReadonlySet<string> | undefined;
  /** The payload dropped on a node or link (undefined: the empty canvas): a message to show where it landed. */
  onDrop(data: string, spot: { kind: 'node' | 'edge'; id: string } | undefined): { message: string; isInfo: boolean } | undefined;
}

export interface CanvasProps {
  editor: Editor;
  locked: ReadonlySet<string>;
  connectKind: EdgeKind;
  snapToGrid: boolean;
  notice: NoticeState | undefined;
  onNotice(notice: NoticeState | undefined): void;
  /** Called once with functions that report measured node sizes (for layout) and fit the view (View menu). */
  onReady?(api: { sizes(): Map<string, { width: number; height: number }>; fitView(): void }): void;
  /** Right-click on a node or an edge (the lab bench's fault menu). */
  onContextMenu?(target: { kind: 'node' | 'edge'; id: string; x: number; y: number }): void;
  /** A click on a node (the studio's "lock by clicking"). */
  onNodeClick?(id: string): void;
  /** Another drag source's drops (the studio's faults). */
  drop?: CanvasDrop | undefined;
}

export function EditorCanvas({ editor, locked, connectKind, snapToGrid, notice, onNotice, onReady, onContextMenu, onNodeClick, drop }: CanvasProps) {
  const { doc, selection, setSelection, edit } = editor;
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [isMinimapShown, setMinimapShown] = useStoredFlag('statelab.minimap', false);
  const { t } = useTranslation('editor');
  const canvasT = useTranslation('canvas').t;
  const d = useDomain();
  const describeNode = useCallback<DescribeNode>((label, kind, isLocked) => `${label}, ${d.kind(kind)}${isLocked ? `, ${canvasT('locked')}` : ''}`, [d, canvasT]);
  const autoFit = useAutoFit(wrapper, editor.loadSerial, doc.nodes.length, isMinimapShown);
  const wiring = useMemo(() => {
    // The badges read in the student's language; the table keeps its English for the simulator's log.
    const byNode = wiringIssuesByNode({ nodes: doc.nodes, edges: doc.edges });
    return new Map([...byNode].map(([id, issues]) => [id, issues.map((issue) => ({ ...issue, message: d.wiring(issue) }))]));
  }, [doc.nodes, doc.edges, d]);
  const nameOf = useNodeName();
  const nameOfId = useNameOfId();
  const [nodes, setNodes] = useState<StateLabFlowNode[]>(() => syncFlowNodes([], doc.nodes, selection, locked, describeNode, wiring, nameOf));
  const edgeCache = useRef(new Map<string, Edge>());
  const serial = useRef(0);

  useEffect(() => setNodes((prev) => syncFlowNodes(prev, doc.nodes, selection, locked, describeNode, wiring, nameOf)), [doc.nodes, selection, locked, describeNode, wiring, nameOf]);
  const edges = useMemo(() => {
    const next = syncFlowEdges(edgeCache.current, doc.edges, selection);
    edgeCache.current = new Map(next.map((e) => [e.id, e]));
    return next;
  }, [doc.edges, selection]);

  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  useEffect(() => {
    onReady?.({
      sizes: () => new Map(nodesRef.current.filter((n) => n.measured?.width).map((n) => [n.id, { width: n.measured!.width!, height: n.measured!.height! }])),
      fitView: () => void flow.fitView({ duration: 200 }),
    });
  }, [onReady, flow]);

  const updateSelection = useCallback(
    (part: keyof Selection, changes: readonly { id: string; selected: boolean }[]) => {
      if (changes.length === 0) return;
      setSelection((prev) => {
        const next = new Set(prev[part]);
        for (const { id, selected } of changes) {
          if (selected) next.add(id);
          else next.delete(id);
        }
        return { ...prev, [part]: next };
      });
    },
    [setSelection],
  );

  /** True while an arrow key's press is being handled: React Flow moves the selected nodes inside it. */
  const isArrowKey = useRef(false);
  const onNodesChange = useCallback(
    (changes: NodeChange<StateLabFlowNode>[]) => {
      // Removal goes through the editor (locks, undo); React Flow only moves, measures and selects.
      const measured = new Set(nodesRef.current.filter((n) => n.measured?.width).map((n) => n.id));
      if (changes.some((c) => c.type === 'dimensions' && measured.has(c.id))) autoFit.onNodesMeasured();
      setNodes((prev) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), prev));
      updateSelection('nodes', changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [])));
      // A move by the arrow keys goes into the document (a drag goes in when it stops): the presses
      // of one run of keys on one selection are one undo step. They moved the card only, unsaved and not undoable.
      if (isArrowKey.current) {
        const moved = changes.flatMap((c) => (c.type === 'position' && c.position ? [[c.id, { x: Math.round(c.position.x), y: Math.round(c.position.y) }] as const] : []));
        if (moved.length > 0) edit(moveNodes(new Map(moved)), `keys:${moved.map(([id]) => id).sort().join(',')}`);
      }
    },
    [updateSelection, autoFit, edit],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => updateSelection('edges', changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : []))),
    [updateSelection],
  );

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: StateLabFlowNode, dragged: StateLabFlowNode[]) => edit(moveNodes(new Map(dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }])))),
    [edit],
  );

  const showAt = useCallback(
    (message: string, clientX: number, clientY: number, isInfo = false) => {
      const box = wrapper.current?.getBoundingClientRect();
      // Near the canvas's right edge the notice moves left rather than squeezing into a sliver (it is at most 320 px wide).
      const x = Math.max(8, Math.min(clientX - (box?.left ?? 0) + 12, (box?.width ?? 0) - 352));
      onNotice({ message, x, y: clientY - (box?.top ?? 0) + 12, serial: ++serial.current, isInfo });
    },
    [onNotice],
  );

  const isValidConnection = useCallback(
    (c: Connection | Edge) => checkConnection(doc, c.source, c.target, connectKind).ok,
    [doc, connectKind],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      if (checkConnection(doc, c.source, c.target, connectKind).ok) edit(addEdge(c.source, c.target, connectKind));
    },
    [doc, connectKind, edit],
  );
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      // The node under the pointer, whether or not the drop landed exactly on its handle.
      const under = document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
      const target = state.toNode?.id ?? under;
      if (!target) return;
      const [source, to] = state.fromHandle?.type === 'target' ? [target, state.fromNode.id] : [state.fromNode.id, target];
      const verdict = checkConnection(doc, source, to, connectKind);
      if (!verdict.ok) showAt(d.refusal(verdict, { source: nameOfId(source), target: nameOfId(to) }), point.clientX, point.clientY);
    },
    [doc, connectKind, showAt, d, nameOfId],
  );

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: StateLabFlowNode) => {
      if (!onContextMenu) return;
      event.preventDefault();
      onContextMenu({ kind: 'node', id: node.id, x: event.clientX, y: event.clientY });
    },
    [onContextMenu],
  );
  const onEdgeContextMenu = useCallback(
    (event: ReactMouseEvent, edge: Edge) => {
      if (!onContextMenu) return;
      event.preventDefault();
      onContextMenu({ kind: 'edge', id: edge.id, x: event.clientX, y: event.clientY });
    },
    [onContextMenu],
  );

  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (event.dataTransfer.types.includes(PALETTE_MIME) || (drop && event.dataTransfer.types.includes(drop.mime))) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }
    },
    [drop],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      if (drop && event.dataTransfer.types.includes(drop.mime)) {
        event.preventDefault();
        // The node or link under the pointer (a link by its wide invisible path).
        const under = document.elementFromPoint(event.clientX, event.clientY)?.closest<HTMLElement | SVGElement>('.react-flow__node, .react-flow__edge');
        const id = under?.dataset.id;
        const said = drop.onDrop(event.dataTransfer.getData(drop.mime), id ? { kind: under.classList.contains('react-flow__edge') ? 'edge' : 'node', id } : undefined);
        if (said) showAt(said.message, event.clientX, event.clientY, said.isInfo);
        return;
      }
      const kind = event.dataTransfer.getData(PALETTE_MIME) as NodeKind;
      if (!NODE_KINDS.includes(kind)) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The drop point is the node's centre, where the student let go.
      const snapped = snapToGrid ? { x: Math.round((at.x - 80) / GRID) * GRID, y: Math.round((at.y - 28) / GRID) * GRID } : { x: at.x - 80, y: at.y - 28 };
      edit(addNode(kind, snapped, { base: d.kind, shown: doc.nodes.map(nameOf) }));
    },
    [flow, edit, snapToGrid, drop, showAt, d, doc.nodes, nameOf],
  );
  // While a fault is dragged, the nodes and links it may target stand out and the rest fade.
  const highlight = drop?.highlight;
  const shownNodes = useMemo(() => (highlight ? nodes.map((n) => ({ ...n, className: highlight.has(n.id) ? 'is-drop-target' : 'is-not-drop-target' })) : nodes), [nodes, highlight]);
  const shownEdges = useMemo(() => (highlight ? edges.map((e) => ({ ...e, className: `${e.className ?? ''} ${highlight.has(e.id) ? 'is-drop-target' : 'is-not-drop-target'}` })) : edges), [edges, highlight]);

  // React Flow's own words (the zoom buttons' tooltips, what a screen reader hears) in the app's language.
  const ariaLabels = useMemo(
    () => ({
      'controls.ariaLabel': t('zoomControls'),
      'controls.zoomIn.ariaLabel': t('zoomIn'),
      'controls.zoomOut.ariaLabel': t('zoomOut'),
      'controls.fitView.ariaLabel': t('fitView'),
      'minimap.ariaLabel': t('minimap'),
      'handle.ariaLabel': t('flowA11y.handle'),
      'node.a11yDescription.default': t('flowA11y.node'),
      'node.a11yDescription.keyboardDisabled': t('flowA11y.node'),
      'edge.a11yDescription.default': t('flowA11y.edge'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t('flowA11y.moved', { direction: t(`flowA11y.direction.${direction as 'up'}`, { defaultValue: direction }), x, y }),
    }),
    [t],
  );
  return (
    <div
      className={`sl-canvas-inner${highlight ? ' is-fault-dragging' : ''}`}
      ref={wrapper}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onKeyDownCapture={(e) => void (isArrowKey.current = e.key.startsWith('Arrow'))}
      onKeyDown={() => void (isArrowKey.current = false)}
    >
      <ReactFlow
        nodes={shownNodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeContextMenu={onNodeContextMenu}
        onNodeClick={onNodeClick ? (_event, n) => onNodeClick(n.id) : undefined}
        onEdgeContextMenu={onEdgeContextMenu}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        // Frozen (a lesson opening): nothing moves or connects, so no card leaves the place the document gives it.
        nodesDraggable={!editor.isFrozen}
        nodesConnectable={!editor.isFrozen}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Control', 'Meta']}
        snapToGrid={snapToGrid}
        snapGrid={[GRID, GRID]}
        connectionRadius={30}
        colorMode="system"
        fitView
        fitViewOptions={autoFit.options}
        onMoveStart={autoFit.onMoveStart}
        onMoveEnd={autoFit.onMoveEnd}
        edgesFocusable={false}
        minZoom={0.1}
        onlyRenderVisibleElements={doc.nodes.length > 150}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={ariaLabels}
      >
        <Background gap={GRID} />
        {isMinimapShown && <MiniMap pannable zoomable position="bottom-right" style={MINIMAP_SIZE} nodeColor={(n) => NODE_KIND_SPECS[(n as StateLabFlowNode).data.kind].color} ariaLabel={t('minimap')} />}
        <Controls
          aria-label={t('zoomControls')}
          orientation="horizontal"
          showInteractive={false}
          showFitView={false}
          onZoomIn={autoFit.onZoomByHand}
          onZoomOut={autoFit.onZoomByHand}
        >
          <ControlButton onClick={autoFit.fitNow} title={t('fitHint')} aria-label={t('fitView')} className="sl-fit-button">
            ⤢
          </ControlButton>
          <ControlButton onClick={() => setMinimapShown(!isMinimapShown)} title={isMinimapShown ? t('hideMinimap') : t('showMinimap')} aria-label={t('minimap')} aria-pressed={isMinimapShown}>
            ▣
          </ControlButton>
        </Controls>
      </ReactFlow>
      {/* Frozen (a lesson opening): the design on show is about to be replaced, so a click takes
          nothing from it. A node clicked then was selected, its properties opened, and the lesson
          arriving a moment later emptied the selection and folded the panel back: the click was lost. */}
      {editor.isFrozen && <div className="sl-canvas-shield" data-testid="canvas-shield" aria-hidden="true" />}
      {notice && <Notice notice={notice} onDone={() => onNotice(undefined)} />}
    </div>
  );
}
