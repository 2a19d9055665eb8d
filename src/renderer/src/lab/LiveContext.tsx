import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { LiveStore } from './liveStore';
import type { EdgeLive, NodeLive } from './playback';

const idle = new LiveStore();
const LiveContext = createContext<LiveStore>(idle);

export function LiveStateProvider({ store, children }: { store: LiveStore; children: ReactNode }) {
  return <LiveContext.Provider value={store}>{children}</LiveContext.Provider>;
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
