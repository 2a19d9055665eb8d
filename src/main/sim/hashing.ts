/**
 * Key placement: modulo hashing, a consistent-hash ring with virtual nodes, and key → partition.
 * Shared by load balancers (routing), the coordinator (ownership) and the rebalance metric.
 */
import { hashInt, hashString } from './rng';

const PARTITION_SALT = 0x7f4a7c15;
const ROUTE_SALT = 0x2545f491;

/**
 * `h % n` for a uint32 hash and a positive count, exactly (h / n < 2^32, so the floor is exact).
 * A hash above 2^31 is not a small integer to V8, and `%` on it is a floating-point remainder
 * call that costs about 50 ns; a division and a floor cost a few.
 */
const modU32 = (h: number, n: number): number => h - Math.floor(h / n) * n;

/** The partition a key belongs to. */
export const partitionOf = (key: number, partitions: number): number => modU32(hashInt(key, PARTITION_SALT), partitions);

/** Hash of a routing id (user, session or key). */
export const routeHash = (id: number): number => hashInt(id, ROUTE_SALT);

/** Modulo placement: which of `n` members an id goes to. */
export const moduloPick = (id: number, n: number): number => modU32(routeHash(id), n);

/** A member's points on a consistent-hash ring: the hashes of "<name>#<i>", one per virtual node. */
export function ringPoints(name: string, virtualNodes: number): Uint32Array {
  const out = new Uint32Array(virtualNodes);
  for (let v = 0; v < virtualNodes; v++) out[v] = hashString(`${name}#${v}`);
  return out;
}

/** Room for a member's rank below a point's hash in one exact double (2^32 · 2^21 = 2^53). */
const RANK_SPAN = 2 ** 21;

/**
 * A consistent-hash ring: each member appears at `virtualNodes` points (hash of "<id>#<i>"), an
 * id goes to the first point clockwise of its hash. Adding one member to N moves about
 * 1/(N+1) of the ids; modulo moves about N/(N+1).
 */
export class HashRing {
  private points: Uint32Array;
  private owners: Int32Array;

  /**
   * `members` are opaque numbers (node indices); `names` give them stable ring positions. `points`
   * (ringPoints of each name) may be passed in when the caller keeps them: a balancer rebuilds its
   * ring whenever a target comes or goes, and hashing every point again made that the run's cost.
   */
  constructor(members: readonly number[], names: readonly string[], virtualNodes: number, points: readonly Uint32Array[] = names.map((n) => ringPoints(n, virtualNodes))) {
    if (members.length >= RANK_SPAN) throw new RangeError(`a hash ring holds fewer than ${RANK_SPAN} members`);
    // Ties (vanishingly rare) are ordered by member so the ring never depends on insertion order:
    // each point is sorted as one number, its hash then the member's rank, in a typed array.
    const byMember = members.map((_, i) => i).sort((a, b) => members[a]! - members[b]!);
    const rank = new Int32Array(members.length);
    byMember.forEach((i, r) => (rank[i] = r));
    const keys = new Float64Array(points.reduce((n, p) => n + p.length, 0));
    let k = 0;
    points.forEach((p, i) => {
      for (const h of p) keys[k++] = h * RANK_SPAN + rank[i]!;
    });
    keys.sort();
    this.points = new Uint32Array(keys.length);
    this.owners = new Int32Array(keys.length);
    for (let j = 0; j < keys.length; j++) {
      const h = Math.floor(keys[j]! / RANK_SPAN);
      this.points[j] = h;
      this.owners[j] = members[byMember[keys[j]! - h * RANK_SPAN]!]!;
    }
  }

  get isEmpty(): boolean {
    return this.points.length === 0;
  }

  /** Member owning an id, or -1 on an empty ring. */
  lookup(id: number): number {
    const pts = this.points;
    if (pts.length === 0) return -1;
    const h = routeHash(id);
    let lo = 0;
    let hi = pts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pts[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    return this.owners[lo === pts.length ? 0 : lo]!;
  }
}

/** Ids sampled to measure how much a routing change moves (enough for ±1.5%). */
export const REBALANCE_SAMPLE = 4096;

/** Fraction of sampled ids whose owner differs between two placements. */
export function movedFraction(before: (id: number) => number, after: (id: number) => number): number {
  let moved = 0;
  for (let id = 0; id < REBALANCE_SAMPLE; id++) if (before(id) !== after(id)) moved++;
  return moved / REBALANCE_SAMPLE;
}
