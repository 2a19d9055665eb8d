/**
 * Per-node call timeouts. A node's calls all use the same timeout, so deadlines are created in
 * order and a FIFO is enough: one pending timer per node for the head entry instead of one heap
 * event per call. Answered calls are skipped lazily when the head fires.
 */
/** `armedUs` while the node's timeout event runs: no deadline reaches it, and it is not < 0, so a call sent meanwhile arms nothing. */
export const TIMEOUTS_FIRING = Number.MAX_SAFE_INTEGER;

export class TimeoutFifo {
  calls: Int32Array;
  gens: Int32Array;
  deadlinesUs: Float64Array;
  private head = 0;
  private tail = 0;
  private mask: number;
  /**
   * Deadline the node's one timer event is armed for, or -1 (none: the next call sent arms it), or
   * TIMEOUTS_FIRING while that event is being handled (it re-arms itself for the new head).
   */
  armedUs = -1;

  constructor(capacityPow2 = 256) {
    this.calls = new Int32Array(capacityPow2);
    this.gens = new Int32Array(capacityPow2);
    this.deadlinesUs = new Float64Array(capacityPow2);
    this.mask = capacityPow2 - 1;
  }

  get length(): number {
    return this.tail - this.head;
  }

  /** The next push grows the buffer. */
  get isFull(): boolean {
    return this.tail - this.head > this.mask;
  }

  push(call: number, gen: number, deadlineUs: number): void {
    if (this.tail - this.head > this.mask) this.grow();
    const i = this.tail & this.mask;
    this.calls[i] = call;
    this.gens[i] = gen;
    this.deadlinesUs[i] = deadlineUs;
    this.tail++;
  }

  headDeadlineUs(): number {
    return this.deadlinesUs[this.head & this.mask]!;
  }

  headCall(): number {
    return this.calls[this.head & this.mask]!;
  }

  headGen(): number {
    return this.gens[this.head & this.mask]!;
  }

  shift(): void {
    this.head++;
  }

  clear(): void {
    this.head = this.tail = 0;
    this.armedUs = -1;
  }

  private grow(): void {
    const n = (this.mask + 1) * 2;
    const calls = new Int32Array(n);
    const gens = new Int32Array(n);
    const dl = new Float64Array(n);
    const len = this.tail - this.head;
    for (let k = 0; k < len; k++) {
      const i = (this.head + k) & this.mask;
      calls[k] = this.calls[i]!;
      gens[k] = this.gens[i]!;
      dl[k] = this.deadlinesUs[i]!;
    }
    this.calls = calls;
    this.gens = gens;
    this.deadlinesUs = dl;
    this.mask = n - 1;
    this.head = 0;
    this.tail = len;
  }
}

/** FIFO of call indices (service and database queues). */
export class CallQueue {
  private items: Int32Array;
  private head = 0;
  private tail = 0;
  private mask: number;

  constructor(capacityPow2 = 64) {
    this.items = new Int32Array(capacityPow2);
    this.mask = capacityPow2 - 1;
  }

  get length(): number {
    return this.tail - this.head;
  }

  push(c: number): void {
    if (this.tail - this.head > this.mask) {
      const n = (this.mask + 1) * 2;
      const next = new Int32Array(n);
      const len = this.tail - this.head;
      for (let k = 0; k < len; k++) next[k] = this.items[(this.head + k) & this.mask]!;
      this.items = next;
      this.mask = n - 1;
      this.head = 0;
      this.tail = len;
    }
    this.items[this.tail++ & this.mask] = c;
  }

  shift(): number {
    return this.items[this.head++ & this.mask]!;
  }

  clear(): void {
    this.head = this.tail = 0;
  }
}
