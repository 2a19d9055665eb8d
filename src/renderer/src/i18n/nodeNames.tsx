/**
 * Node names in the student's language (shared/nodeNames.ts) for everything that shows a node: the
 * open lesson's names (or the studio's lesson's) are provided once, near the top of the app, and
 * each view asks `useNodeName()` for a node or `useNodeNamer(nodes)` for an id.
 */
import { createContext, useCallback, useContext, useMemo } from 'react';
import { nodeDisplayName, nodeNamer, type NamedEdge, type NamedNode, type NodeNames } from '../../../shared/nodeNames';
import { useTranslation } from 'react-i18next';

const NodeNamesContext = createContext<NodeNames | undefined>(undefined);

/** Provides the names of the lesson on the canvas (none for a design outside lessons). */
export const NodeNamesProvider = NodeNamesContext.Provider;

/** The lesson's names (undefined outside a lesson or where it names none). */
export function useLessonNodeNames(): NodeNames | undefined {
  return useContext(NodeNamesContext);
}

/** A node's name as the canvas shows it, in the app's language. */
export function useNodeName(): (node: NamedNode) => string {
  const names = useContext(NodeNamesContext);
  const locale = useTranslation().i18n.language;
  return useCallback((node: NamedNode) => nodeDisplayName(node, names, locale), [names, locale]);
}

/** Names by id over `nodes` (a scale-out clone by its original's name, a connection of `edges` by its ends; an unknown id as itself). */
export function useNodeNamer(nodes: readonly NamedNode[], edges?: readonly NamedEdge[]): (id: string) => string {
  const names = useContext(NodeNamesContext);
  const locale = useTranslation().i18n.language;
  return useMemo(() => nodeNamer(nodes, names, locale, edges), [nodes, names, locale, edges]);
}

const DesignNamerContext = createContext<(id: string) => string>((id) => id);

/** Provides `nodeNamer` over the design on the canvas, for views that hold only node ids (charts, logs, faults). */
export const DesignNamerProvider = DesignNamerContext.Provider;

/** A node of the design on the canvas by id, named as the canvas names it (an unknown id as itself). */
export function useNameOfId(): (id: string) => string {
  return useContext(DesignNamerContext);
}
