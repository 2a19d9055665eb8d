import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { LiveStore } from './liveStore';
import type { EdgeLive, NodeLive } from './playback';

const idle = new LiveStore();
const LiveContext = createContext<LiveStore>(idle);

/** Traces the first request over a connection from the lab's cursor (a request dot clicked); undefined: nothing to trace. */
export type TraceEdge = (edgeId: string) => void;
const TraceEdgeContext = createContext<TraceEdge | undefined>(undefined);

export function LiveStateProvider({ store, onTraceEdge, children }: { store: LiveStore; onTraceEdge?: TraceEdge | undefined; children: ReactNode }) {
  return (
    <LiveContext.Provider value={store}>
      <TraceEdgeContext.Provider value={onTraceEdge}>{children}</TraceEdgeContext.Provider>
    </LiveContext.Provider>
  );
}

/** What a click on an edge's request dots does (undefined outside a run). */
export function useTraceEdge(): TraceEdge | undefined {
  return useContext(TraceEdgeContext);
}

/** The live state of one node at the playback cursor; undefined when no run is loaded. */
export function useNodeLive(id: string): NodeLive | undefined {
  const store = useContext(LiveContext);
  return useSyncExternalStore(store.subscribe, () => store.node(id));
}

/** Whether a request trace points at this connection (an arrow of its diagram is hovered). */
export function useEdgeHighlighted(id: string): boolean {
  const store = useContext(LiveContext);
  return useSyncExternalStore(store.subscribe, () => store.isHighlighted(id));
}

/** Traffic over one edge at the playback cursor, and whether to draw moving requests. */
export function useEdgeLive(id: string): { live: EdgeLive | undefined; isShowingRequests: boolean } {
  const store = useContext(LiveContext);
  const live = useSyncExternalStore(store.subscribe, () => store.edge(id));
  const isShowingRequests = useSyncExternalStore(store.subscribe, store.isShowingRequests);
  return { live, isShowingRequests };
}
