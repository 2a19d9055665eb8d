import { useCallback, useState } from 'react';
import type { Graph } from '../../../shared/graph';
import { FaultMenu } from './FaultMenu';
import { faultMenuItems } from './faultMenu';
import type { Lab } from './useLab';

type MenuTarget = { kind: 'node' | 'edge'; id: string; x: number; y: number };

/** Right-click fault injection: `open` goes to the canvas, `element` renders the menu. */
export function useFaultMenu(lab: Lab, graph: Graph, selectedNodes: ReadonlySet<string>) {
  const [target, setTarget] = useState<MenuTarget>();
  const open = useCallback((t: MenuTarget) => setTarget(t), []);
  const close = useCallback(() => setTarget(undefined), []);
  const element = target ? (
    <FaultMenu
      items={faultMenuItems(graph, target, selectedNodes)}
      target={target.kind === 'edge' ? (graph.edges.find((e) => e.id === target.id) ?? target.id) : target.id}
      x={target.x}
      y={target.y}
      atMs={lab.cursorMs}
      onClose={close}
      onPick={(item) => {
        close();
        void lab.inject(item.fault);
      }}
    />
  ) : null;
  return { open, element };
}
