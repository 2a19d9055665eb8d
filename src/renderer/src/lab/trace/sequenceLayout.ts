/**
 * The geometry of a request's sequence diagram (issue 17): one lane per node the request touched,
 * time going down, one arrow per message. Time is drawn as ordered rows (each distinct moment one
 * row, labelled with its time), as ShiViz does, so a 1 ms hop and a 1 s timeout both stay readable.
 * Pure: the component draws it, tests check it.
 */
import type { RequestTrace, TraceHop } from '../../../../shared/requestTrace';

export const LANE_W = 150;
export const ROW_H = 26;
export const LEFT = 96;
export const TOP = 70;
export const NOTES_W = 240;

export interface Arrow {
  hop: number;
  kind: 'request' | 'response';
  /** Graph edge it travelled (clone suffixes dropped), for highlighting on the canvas. */
  edge: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** When it was sent and when it arrived (undefined: lost on the way, or nobody waited for it). */
  sentMs: number;
  arrivedMs?: number;
}

export interface Bar {
  hop: number;
  kind: 'queue' | 'service';
  x: number;
  y1: number;
  y2: number;
}

/** A moment marked on a lane: a timeout, a crash, a refusal, a lost session; or a note (belief, owner). */
export interface Mark {
  hop: number;
  kind: 'timeout' | 'calleeCrashed' | 'refused' | 'sessionLost' | 'lbBelief' | 'owner';
  x: number;
  y: number;
  atMs: number;
}

export interface SequenceLayout {
  width: number;
  height: number;
  lanes: { id: string; x: number }[];
  rows: { atMs: number; y: number }[];
  arrows: Arrow[];
  bars: Bar[];
  marks: Mark[];
  /** A balancer's health belief at the request's first visit, written under its lane's name (later, different beliefs are marks). */
  laneNotes: { lane: string; x: number; hop: number }[];
  /** Where the outcome line is written. */
  outcomeY: number;
}

/** The graph edge a simulator edge id stands for: a scale-out clone's `<id>~<n>` is drawn as `<id>`. */
export const graphEdgeId = (simEdge: string): string => simEdge.replace(/~\d+$/, '');

function momentsOf(h: TraceHop): number[] {
  const m = [h.sentMs];
  for (const v of [h.arrivedMs, h.startedMs, h.repliedMs, h.answeredMs, h.timedOutMs, h.calleeCrashedMs]) if (v !== undefined) m.push(v);
  if (h.startedMs !== undefined && h.serviceMs !== undefined) m.push(h.startedMs + h.serviceMs);
  return m;
}

/**
 * `laneOrder` (all of the trace's lanes, perhaps more): lanes in that order, so two requests
 * compared one above the other put each node at the same x; lanes this request never touched stay empty.
 */
export function layoutSequence(trace: RequestTrace, laneOrder: readonly string[] = trace.lanes): SequenceLayout {
  const lanes = laneOrder.map((id, i) => ({ id, x: LEFT + LANE_W / 2 + i * LANE_W }));
  const laneX = new Map(lanes.map((l) => [l.id, l.x]));
  const times = [...new Set([trace.startMs, ...trace.hops.flatMap(momentsOf), ...(trace.endMs !== undefined ? [trace.endMs] : [])])].sort((a, b) => a - b);
  const rowY = new Map(times.map((t, i) => [t, TOP + ROW_H / 2 + i * ROW_H]));
  const y = (t: number) => rowY.get(t)!;
  const arrows: Arrow[] = [];
  const bars: Bar[] = [];
  const marks: Mark[] = [];
  const laneNotes: SequenceLayout['laneNotes'] = [];
  const beliefs = new Map<string, string>();
  for (const h of trace.hops) {
    const xf = laneX.get(h.from)!;
    const xt = laneX.get(h.to)!;
    const edge = graphEdgeId(h.edge);
    const ys = y(h.sentMs);
    // A message that never arrived stops halfway, half a row down.
    if (h.arrivedMs !== undefined) arrows.push({ hop: h.id, kind: 'request', edge, x1: xf, y1: ys, x2: xt, y2: y(h.arrivedMs), sentMs: h.sentMs, arrivedMs: h.arrivedMs });
    else arrows.push({ hop: h.id, kind: 'request', edge, x1: xf, y1: ys, x2: (xf + xt) / 2, y2: ys + ROW_H / 2, sentMs: h.sentMs });
    const answerFrom = h.repliedMs ?? (h.isRefused === true || h.calleeCrashedMs !== undefined ? (h.calleeCrashedMs ?? h.arrivedMs) : undefined);
    if (answerFrom !== undefined) {
      const yr = y(answerFrom);
      if (h.answeredMs !== undefined) arrows.push({ hop: h.id, kind: 'response', edge, x1: xt, y1: yr, x2: xf, y2: y(h.answeredMs), sentMs: answerFrom, arrivedMs: h.answeredMs });
      else arrows.push({ hop: h.id, kind: 'response', edge, x1: xt, y1: yr, x2: (xf + xt) / 2, y2: yr + ROW_H / 2, sentMs: answerFrom });
    }
    if (h.arrivedMs !== undefined && h.startedMs !== undefined && h.startedMs > h.arrivedMs) bars.push({ hop: h.id, kind: 'queue', x: xt, y1: y(h.arrivedMs), y2: y(h.startedMs) });
    if (h.startedMs !== undefined && h.serviceMs !== undefined && h.serviceMs > 0) bars.push({ hop: h.id, kind: 'service', x: xt, y1: y(h.startedMs), y2: y(h.startedMs + h.serviceMs) });
    if (h.timedOutMs !== undefined) marks.push({ hop: h.id, kind: 'timeout', x: xf, y: y(h.timedOutMs), atMs: h.timedOutMs });
    if (h.calleeCrashedMs !== undefined) marks.push({ hop: h.id, kind: 'calleeCrashed', x: xt, y: y(h.calleeCrashedMs), atMs: h.calleeCrashedMs });
    if (h.isRefused === true && h.arrivedMs !== undefined) marks.push({ hop: h.id, kind: 'refused', x: xt, y: y(h.arrivedMs), atMs: h.arrivedMs });
    if (h.lbBelief !== undefined && h.arrivedMs !== undefined) {
      const belief = JSON.stringify(h.lbBelief);
      const first = beliefs.get(h.to);
      if (first === undefined) {
        beliefs.set(h.to, belief);
        laneNotes.push({ lane: h.to, x: xt, hop: h.id });
      } else if (first !== belief) marks.push({ hop: h.id, kind: 'lbBelief', x: xt, y: y(h.arrivedMs), atMs: h.arrivedMs });
    }
    if (h.owner !== undefined && h.repliedMs !== undefined) marks.push({ hop: h.id, kind: 'owner', x: xt, y: y(h.repliedMs), atMs: h.repliedMs });
    if (h.sessionLoss !== undefined && h.repliedMs !== undefined) marks.push({ hop: h.id, kind: 'sessionLost', x: xt, y: y(h.repliedMs), atMs: h.repliedMs });
  }
  const outcomeY = TOP + times.length * ROW_H + ROW_H / 2;
  return {
    // Room on the right for the notes written beside the last lane.
    width: LEFT + lanes.length * LANE_W + NOTES_W,
    height: outcomeY + ROW_H,
    lanes,
    rows: times.map((atMs) => ({ atMs, y: y(atMs) })),
    arrows,
    bars,
    marks,
    laneNotes,
    outcomeY,
  };
}

/**
 * The lanes of several traces in one order: the first trace's, then each lane another trace adds
 * placed just before the next of its lanes already there (a second instance sits beside the first,
 * before the database both called), or at the end.
 */
export function sharedLanes(traces: readonly RequestTrace[]): string[] {
  const order: string[] = [];
  for (const t of traces)
    t.lanes.forEach((lane, i) => {
      if (order.includes(lane)) return;
      const next = t.lanes.slice(i + 1).find((l) => order.includes(l));
      order.splice(next === undefined ? order.length : order.indexOf(next), 0, lane);
    });
  return order;
}

/** Messages a trace holds: each hop's request, and its answer when one was sent. */
export const messageCount = (trace: RequestTrace): number => layoutSequence(trace).arrows.length;
