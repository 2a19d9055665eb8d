import type { Graph } from '../../../shared/graph';

/**
 * What a run or a grade of `graph` depends on: positions and names do not change a run, so moving
 * or renaming a node is no change to the design (the lab bench's and the check results' "you changed
 * the design since" notes).
 */
export const simulationKey = (graph: Graph): string => JSON.stringify([graph.nodes.map(({ position: _position, label: _label, ...rest }) => rest), graph.edges]);

/** True when `current` would run differently from `before`. */
export const isDesignChanged = (before: Graph, current: Graph): boolean => before !== current && simulationKey(before) !== simulationKey(current);
