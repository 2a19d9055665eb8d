import { useCallback, useState } from 'react';
import type { Graph } from '../../../shared/graph';
import { FaultMenu } from './FaultMenu';
import { faultMenuItems } from './faultMenu';
import type { Lab } from './useLab';
import { useNameOfId } from '../i18n/nodeNames';

type MenuTarget = { kind: 'node' | 'edge'; id: string; x: number; y: number };

/** Right-click fault injection: `open` goes to the canvas, `element` renders the menu. */
export function useFaultMenu(lab: Lab, graph: Graph, selectedNodes: ReadonlySet<string>) {
  const [target, setTarget] = useState<MenuTarget>();
  const open = useCallback((t: MenuTarget) => setTarget(t), []);
  const close = useCallback(() => setTarget(undefined), []);
  const nameOf = useNameOfId();
  const edge = target?.kind === 'edge' ? graph.edges.find((e) => e.id === target.id) : undefined;
  const element = target ? (
    <FaultMenu
      items={faultMenuItems(graph, target, selectedNodes)}
      targetName={edge ? `${nameOf(edge.source)} → ${nameOf(edge.target)}` : nameOf(target.id)}
      nameOf={nameOf}
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
