/**
 * IPC payloads are untrusted: every channel of the contract (src/shared/ipc.ts), called through
 * the host's one dispatcher with arbitrary JSON and with payloads drawn from the channel's own
 * request schema, answers a result or a named refusal; never an internal error, a rejected
 * promise or prototype pollution, and a saved design survives whatever the calls do. Channels
 * that start a simulation worker are only sent garbage (their valid payloads are covered by
 * simulate.test.ts and grade.test.ts). IPC_FUZZ_RUNS raises the case count.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import { GraphSchema } from '../../../src/shared/graph';
import { CHANNELS, channels, type Channel } from '../../../src/shared/ipc';
import type { Result } from '../../../src/shared/result';
import { graphArb } from '../../support/graphArb';
import { BUILTIN_PACK_DIR } from '../../support/packZip';
import { arbFromZod } from '../../support/zodArb';

const RUNS = Number(process.env.IPC_FUZZ_RUNS ?? 1000);
/** Valid payloads of these start simulation or grading workers: slow, and fuzzed elsewhere. */
const HEAVY = new Set<Channel>(['sim:run', 'sim:events', 'sim:trace', 'lessons:grade', 'submissions:regrade', 'classResults:grade', 'studio:verify', 'studio:create']);

/** A payload the channel's schema should mostly take, or undefined when the walker cannot draw one. */
function schemaPayload(channel: Channel): fc.Arbitrary<unknown> | undefined {
  if (HEAVY.has(channel)) return undefined;
  try {
    // Graphs are drawn by graphArb (edges that name real nodes), the rest by the schema walker.
    return arbFromZod(channels[channel].request, { overrides: new Map([[GraphSchema, graphArb({ maxNodes: 4, maxEdges: 4 })]]) });
  } catch {
    return undefined;
  }
}

const anyPayload = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(undefined, null, {}, [], { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } }),
);

describe('every IPC channel through the dispatcher', () => {
  it(`answers a result or a named refusal, never an internal error (${RUNS} calls)`, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-ipc-fuzz-'));
    const host = createHost({ host: 'web', builtinPackDirs: [BUILTIN_PACK_DIR], dataDir });
    const ctx = { emit: () => {} };
    const call = (channel: unknown, payload: unknown) => host.dispatch(channel, payload, ctx) as Promise<Result<unknown>>;
    const design = { format: 'statelab.graph', version: 1, nodes: [{ id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, props: {} }], edges: [] };
    expect((await call('files:save', { name: 'keep me', graph: design })).ok).toBe(true);

    const drawn = CHANNELS.flatMap((c) => {
      const arb = schemaPayload(c);
      return arb === undefined ? [] : [fc.tuple(fc.constant(c), arb)];
    });
    const callArb = fc.oneof(
      fc.tuple(fc.constantFrom<unknown>(...CHANNELS, 'nope', '__proto__', 'constructor', 'toString', 42), anyPayload),
      ...drawn,
    );
    const seen = { ok: 0, refused: 0 };
    const timeMs: Record<string, number> = Object.create(null) as Record<string, number>;
    await fc.assert(
      fc.asyncProperty(callArb, async ([channel, payload]) => {
        // 'keep me' is the student's: a call naming it may legitimately overwrite it, so only other names are drawn on.
        if (typeof payload === 'object' && payload !== null && (payload as { name?: unknown }).name === 'keep me') return;
        const started = performance.now();
        const result = await call(channel, payload);
        const key = String(channel);
        timeMs[key] = (timeMs[key] ?? 0) + performance.now() - started;
        if (result.ok) seen.ok++;
        else {
          seen.refused++;
          expect(result.error.code, `${String(channel)}: ${result.error.message}`).not.toBe('internal');
          expect(result.error.message.length).toBeGreaterThan(0);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, seed: Number(process.env.IPC_FUZZ_SEED ?? 20_261_127) },
    );
    if (process.env.FUZZ_STATS) console.log(seen, drawn.length, 'channels drawn from their schemas', timeMs);
    const kept = await call('files:open', { name: 'keep me' });
    expect(kept.ok && (kept.value as { graph: unknown }).graph).toEqual(design);
    host.dispose();
  }, 60_000);
});
