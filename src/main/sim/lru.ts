/**
 * An LRU map from integer keys to numbers, for the cache node: the order a JS Map would keep if
 * every touch were `delete` then `set` (least recently used first), without a Map. V8's Map
 * rehashes its whole table again and again under that delete-and-reinsert pattern (about 0.4-2 µs
 * per touch at cache sizes of 10^3-10^5), which made a cache the slowest node of any design.
 * Here: entries in typed arrays on a doubly linked recency list, found through an open-addressing
 * table with linear probing and backward-shift deletion (no tombstones, so no rehash but growth).
 */
const EMPTY = -1;

export class LruMap {
  private keys: Int32Array;
  private values: Float64Array;
  private prev: Int32Array;
  private next: Int32Array;
  /** Hash table of entry slots (EMPTY: free); its length is a power of two, at least twice the entries. */
  private table: Int32Array;
  private mask: number;
  private shift: number;
  private head = EMPTY;
  private tail = EMPTY;
  private count = 0;
  /** Entry slots ever used, and freed ones for reuse. */
  private used = 0;
  private free: number[] = [];

  constructor(initialCapacity = 64) {
    const cap = Math.max(8, initialCapacity);
    this.keys = new Int32Array(cap);
    this.values = new Float64Array(cap);
    this.prev = new Int32Array(cap);
    this.next = new Int32Array(cap);
    let size = 16;
    while (size < cap * 2) size *= 2;
    this.table = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
  }

  get size(): number {
    return this.count;
  }

  /** Value of `key`, or undefined; does not change the recency order. */
  get(key: number): number | undefined {
    const s = this.find(key);
    return s === EMPTY ? undefined : this.values[s];
  }

  has(key: number): boolean {
    return this.find(key) !== EMPTY;
  }

  /** Sets `key` to `value` as the most recently used entry (Map: delete, then set). */
  set(key: number, value: number): void {
    let s = this.find(key);
    if (s === EMPTY) {
      s = this.free.length > 0 ? this.free.pop()! : this.newSlot();
      this.keys[s] = key;
      this.insertSlot(key, s);
      this.count++;
    } else this.unlink(s);
    this.values[s] = value;
    // Append at the tail: the most recently used end.
    this.prev[s] = this.tail;
    this.next[s] = EMPTY;
    if (this.tail === EMPTY) this.head = s;
    else this.next[this.tail] = s;
    this.tail = s;
  }

  delete(key: number): boolean {
    const s = this.find(key);
    if (s === EMPTY) return false;
    this.unlink(s);
    this.removeFromTable(key);
    this.free.push(s);
    this.count--;
    return true;
  }

  /** The least recently used key, or undefined when empty. */
  oldestKey(): number | undefined {
    return this.head === EMPTY ? undefined : this.keys[this.head];
  }

  clear(): void {
    this.table.fill(EMPTY);
    this.head = this.tail = EMPTY;
    this.count = 0;
    this.used = 0;
    this.free = [];
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  private find(key: number): number {
    const table = this.table;
    const keys = this.keys;
    const mask = this.mask;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const s = table[i]!;
      if (s === EMPTY || keys[s] === key) return s;
    }
  }

  private insertSlot(key: number, s: number): void {
    const table = this.table;
    let i = this.home(key);
    while (table[i] !== EMPTY) i = (i + 1) & this.mask;
    table[i] = s;
  }

  /** Removes `key` from the table, shifting later entries of its probe run back (Knuth's algorithm R). */
  private removeFromTable(key: number): void {
    const table = this.table;
    const keys = this.keys;
    const mask = this.mask;
    let i = this.home(key);
    while (keys[table[i]!] !== key) i = (i + 1) & mask;
    for (let j = (i + 1) & mask; table[j] !== EMPTY; j = (j + 1) & mask) {
      const h = this.home(keys[table[j]!]!);
      // The entry at j may move to the hole at i when its home is not cyclically within (i, j].
      if (i <= j ? h <= i || h > j : h <= i && h > j) {
        table[i] = table[j]!;
        i = j;
      }
    }
    table[i] = EMPTY;
  }

  private unlink(s: number): void {
    const p = this.prev[s]!;
    const n = this.next[s]!;
    if (p === EMPTY) this.head = n;
    else this.next[p] = n;
    if (n === EMPTY) this.tail = p;
    else this.prev[n] = p;
  }

  private newSlot(): number {
    if (this.used === this.keys.length) this.grow();
    return this.used++;
  }

  /** Doubles the entry arrays and the table (rehashing every live entry). */
  private grow(): void {
    const cap = this.keys.length * 2;
    const widen = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.keys = widen(this.keys, (n) => new Int32Array(n));
    this.values = widen(this.values, (n) => new Float64Array(n));
    this.prev = widen(this.prev, (n) => new Int32Array(n));
    this.next = widen(this.next, (n) => new Int32Array(n));
    const size = this.table.length * 2;
    this.table = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
    for (let s = this.head; s !== EMPTY; s = this.next[s]!) this.insertSlot(this.keys[s]!, s);
  }
}
