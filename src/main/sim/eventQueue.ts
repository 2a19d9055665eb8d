/**
 * The future-event list: a binary min-heap ordered by (time, sequence) over pooled event slots in
 * typed arrays. No object per event and no closure per event, so a run of millions of events
 * allocates nothing in steady state (the heap only grows to the peak number of pending events).
 */
export class EventQueue {
  /** Slot fields. */
  timeUs: Float64Array;
  seq: Float64Array;
  type: Uint8Array;
  node: Int32Array;
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  inc: Int32Array;
  /** Heap of slot indices (heap[0] is the earliest event's slot while size > 0). */
  heap: Int32Array;
  size = 0;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;
  private nextSeq = 0;

  constructor(capacity = 1024) {
    this.timeUs = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.type = new Uint8Array(capacity);
    this.node = new Int32Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.c = new Int32Array(capacity);
    this.inc = new Int32Array(capacity);
    this.heap = new Int32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Sequence numbers handed out so far. */
  get sequence(): number {
    return this.nextSeq;
  }

  /** A sequence number for work done without a heap entry (inline deliveries). */
  takeSeq(): number {
    return this.nextSeq++;
  }

  push(timeUs: number, type: number, node: number, a: number, b: number, c: number, inc: number): void {
    let slot: number;
    if (this.freeCount > 0) slot = this.freeSlots[--this.freeCount]!;
    else {
      if (this.slotsUsed === this.timeUs.length) this.grow();
      slot = this.slotsUsed++;
    }
    this.timeUs[slot] = timeUs;
    this.seq[slot] = this.nextSeq++;
    this.type[slot] = type;
    this.node[slot] = node;
    this.a[slot] = a;
    this.b[slot] = b;
    this.c[slot] = c;
    this.inc[slot] = inc;
    // sift up
    const heap = this.heap;
    const t = this.timeUs;
    const s = this.seq;
    let i = this.size++;
    const st = timeUs;
    const ss = s[slot]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const ps = heap[p]!;
      const pt = t[ps]!;
      if (pt < st || (pt === st && s[ps]! < ss)) break;
      heap[i] = ps;
      i = p;
    }
    heap[i] = slot;
  }

  /** Removes the earliest event and returns its slot; the slot stays readable until the next push. */
  pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap[--this.size]!;
    if (this.size > 0) {
      const t = this.timeUs;
      const s = this.seq;
      const lt = t[last]!;
      const ls = s[last]!;
      const n = this.size;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        let m = l;
        let ms = heap[l]!;
        const r = l + 1;
        if (r < n) {
          const rs = heap[r]!;
          const rt = t[rs]!;
          const mt = t[ms]!;
          if (rt < mt || (rt === mt && s[rs]! < s[ms]!)) {
            m = r;
            ms = rs;
          }
        }
        const mt = t[ms]!;
        if (lt < mt || (lt === mt && ls < s[ms]!)) break;
        heap[i] = ms;
        i = m;
      }
      heap[i] = last;
    }
    this.freeSlots[this.freeCount++] = top;
    return top;
  }

  /** Time of the earliest event, or Infinity. */
  peekTimeUs(): number {
    return this.size === 0 ? Infinity : this.timeUs[this.heap[0]!]!;
  }

  private grow(): void {
    const n = this.timeUs.length * 2;
    const g = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.timeUs = g(this.timeUs, (k) => new Float64Array(k));
    this.seq = g(this.seq, (k) => new Float64Array(k));
    this.type = g(this.type, (k) => new Uint8Array(k));
    this.node = g(this.node, (k) => new Int32Array(k));
    this.a = g(this.a, (k) => new Int32Array(k));
    this.b = g(this.b, (k) => new Int32Array(k));
    this.c = g(this.c, (k) => new Int32Array(k));
    this.inc = g(this.inc, (k) => new Int32Array(k));
    this.heap = g(this.heap, (k) => new Int32Array(k));
    this.freeSlots = g(this.freeSlots, (k) => new Int32Array(k));
  }
}
