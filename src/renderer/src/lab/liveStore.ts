/**
 * The live state the canvas shows while a run plays, kept out of the graph document: a small
 * external store keyed by node and edge id. A node component subscribes to its own entry and gets
 * the same object back until its displayed values change, so a frame re-renders only the nodes
 * whose numbers moved.
 */
import { PlaybackIndex, sameNodeLive, type EdgeLive, type NodeLive } from './playback';
import type { LabRun } from './labRun';

/** Below this playback speed, requests are drawn moving along edges. */
export const DOTS_MAX_SPEED = 1;

export class LiveStore {
  private index: PlaybackIndex | undefined;
  private bucket = -1;
  private speed = 1;
  private readonly listeners = new Set<() => void>();
  private readonly nodes = new Map<string, { bucket: number; live: NodeLive | undefined }>();
  private readonly edges = new Map<string, { bucket: number; live: EdgeLive | undefined }>();
  /** The connection a request trace points at (hovering an arrow of its sequence diagram). */
  private highlighted: string | undefined;

  /** Shows bucket `bucket` of `run` (undefined: no run, nothing live). */
  show(run: LabRun | undefined, bucket: number, speed: number): void {
    if (run !== this.index?.run) {
      this.index = run ? new PlaybackIndex(run) : undefined;
      this.nodes.clear();
      this.edges.clear();
    } else if (bucket === this.bucket && speed === this.speed) return;
    this.bucket = bucket;
    this.speed = speed;
    for (const listener of [...this.listeners]) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  node(id: string): NodeLive | undefined {
    const cached = this.nodes.get(id);
    if (cached?.bucket === this.bucket) return cached.live;
    const next = this.index?.node(id, this.bucket);
    const live = sameNodeLive(cached?.live, next) ? cached?.live : next;
    this.nodes.set(id, { bucket: this.bucket, live });
    return live;
  }

  edge(id: string): EdgeLive | undefined {
    const cached = this.edges.get(id);
    if (cached?.bucket === this.bucket) return cached.live;
    const next = this.index?.edge(id, this.bucket);
    const live = cached?.live && next && cached.live.rps === next.rps && cached.live.failedRatio === next.failedRatio ? cached.live : next;
    this.edges.set(id, { bucket: this.bucket, live });
    return live;
  }

  /** Highlights one connection on the canvas (undefined: none). */
  highlight(edge: string | undefined): void {
    if (edge === this.highlighted) return;
    this.highlighted = edge;
    for (const listener of [...this.listeners]) listener();
  }

  isHighlighted = (id: string): boolean => this.highlighted === id;

  /** Whether requests are drawn moving along edges (slow playback only). */
  isShowingRequests = (): boolean => this.index !== undefined && this.speed <= DOTS_MAX_SPEED;
}
