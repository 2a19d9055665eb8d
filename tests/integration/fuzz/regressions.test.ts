/**
 * Shrunk counterexamples the schema-driven fuzzers (simulate.test.ts, grade.test.ts,
 * documents.test.ts) found, each kept as a named case so the bug stays fixed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSubmission } from '../../../src/main/grading/submission';
import { createHost } from '../../../src/main/host/services';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { simulate } from '../../../src/main/sim/index';
import { errorText } from '../../../src/shared/i18n/errorTexts';
import { DocumentError } from '../../../src/shared/json';
import type { Result } from '../../../src/shared/result';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { BUILTIN_PACK_DIR, zipPackFolder } from '../../support/packZip';
import { edge, graph, node } from '../../unit/sim/helpers';

describe('fuzz regressions: simulator', () => {
  it('a salted hot key fanned out over a zero-latency link ends each request once (was: InvariantError "ended more requests than it issued")', () => {
    // Found by simulate.test.ts (seed 3): a part answered inline (zero latency, the service full)
    // came back before it was registered as a part, so it ended the whole request on its own.
    const g = graph(
      [
        node('users', 'client', { rps: 2000, readRatio: 0, hotKeySalt: 4, hotKeySaltFanOut: 'writes' }),
        node('api', 'service', { workers: 1, queueLimit: 0, serviceTimeMs: { mean: 50, distribution: 'constant' }, startupMs: 0 }),
      ],
      [edge('users', 'api', { latencyMs: 0 })],
    );
    const run = simulate(g, { seed: 0, durationMs: 500, faults: [{ atMs: 0, action: 'hot-key', target: 'users', params: { key: 0, fraction: 1 } }] });
    // Every write goes to four copies of the hot key and a one-worker service refuses all but one part: each fails once.
    expect(run.summary.requests).toBeGreaterThan(500);
    expect(run.summary.ok + run.summary.failed + run.requestsInFlight).toBe(run.summary.requests);
    expect(run.summary.failed).toBeGreaterThan(run.summary.requests * 0.9);
  });
});

describe('fuzz regressions: bounded runs', () => {
  const ring = (targets: number, lb: Record<string, unknown>) =>
    graph(
      [node('users', 'client', { rps: 50 }), node('lb', 'load-balancer', { policy: 'consistent-hash', virtualNodes: 1000, ...lb }), ...Array.from({ length: targets }, (_, i) => node(`s${i}`, 'service', {}))],
      [edge('users', 'lb'), ...Array.from({ length: targets }, (_, i) => edge('lb', `s${i}`))],
    );

  it('a consistent-hash balancer with many targets and virtual nodes starts in milliseconds (was: its ring rebuilt per target, 184 s for 400 × 1000)', () => {
    // Found by probing the largest designs the graph schema accepts: each of the N targets added at
    // build time rebuilt (and re-hashed) the whole ring, O(N² × virtualNodes) before the first event.
    const run = simulate(ring(200, {}), { seed: 1, durationMs: 200 });
    expect(run.summary.requests).toBeGreaterThan(0);
    expect(run.summary.ok + run.summary.failed + run.requestsInFlight).toBe(run.summary.requests);
  }, 20_000);

  it('a ring larger than RING_POINTS_MAX is refused naming the balancer and virtualNodes (a partition made each health change rebuild 2,000,000 points: no end in sight)', () => {
    let error: unknown;
    try {
      simulate(ring(201, { healthCheck: { intervalMs: 10, timeoutMs: 5, unhealthyAfter: 1 } }), { seed: 1, durationMs: 400, faults: [{ atMs: 50, action: 'partition', target: 'lb', params: { durationMs: 100 } }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).issues).toEqual([
      { path: 'nodes[1].props.virtualNodes (node "lb", load-balancer)', message: '201 targets × 1000 virtual nodes make a ring of 201,000 points; at most 200,000 (use fewer virtual nodes)' },
    ]);
  });
});

describe('fuzz regressions: documents', () => {
  it('a submission whose design has a prop out of range is refused as the file\'s fault, naming file and prop, in Chinese too (was: an internal error)', async () => {
    // Found by documents.test.ts (DOC_FUZZ_RUNS=3): the lesson's reference with healthCheck.intervalMs
    // nudged to 0 passes the graph schema (props are checked by the simulator), so the simulator
    // threw a plain Error inside the grading worker and the host answered "internal".
    const pack = await loadPackFolder(BUILTIN_PACK_DIR);
    const entry = pack.lessons.find((l) => l.lesson.id === 'remote-state')!;
    const design = structuredClone(entry.reference!);
    const lb = design.nodes.findIndex((n) => n.kind === 'load-balancer');
    design.nodes[lb]!.props = { ...design.nodes[lb]!.props, healthCheck: { intervalMs: 0 } };
    const submission = createSubmission({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: entry.lesson, graph: design, savedAt: new Date(Date.UTC(2026, 0, 1)) });
    const host = createHost({ host: 'web', builtinPackDirs: [BUILTIN_PACK_DIR], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-fuzz-reg-')) });
    try {
      const result = (await host.dispatch('submissions:regrade', { fileName: 'ada.json', text: JSON.stringify(submission) }, { emit: () => {} })) as Result<unknown>;
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid-document');
      expect(result.error.message).toMatch(/^ada\.json: The graph cannot be simulated:/);
      expect(result.error.issues?.map((i) => i.path)).toEqual([`nodes[${lb}].props.healthCheck.intervalMs (node "${design.nodes[lb]!.id}", load-balancer)`]);
      expect(errorText(result.error, 'zh-CN')).toMatch(/^ada\.json：无法模拟这个设计图：\n.*healthCheck\.intervalMs.*: .*10/);
    } finally {
      host.dispose();
    }
  });

  it('simulate refuses a fault at a missing node with a DocumentError naming the path (the same door)', () => {
    const g = graph([node('users', 'client', { rps: 10 })], []);
    let error: unknown;
    try {
      simulate(g, { seed: 1, durationMs: 100, faults: [{ atMs: 0, action: 'crash', target: 'ghost' }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).issues).toEqual([{ path: 'faults[0].target', message: 'unknown node "ghost"' }]);
  });
});

describe('fuzz regressions: pack zips', () => {
  it('a zip with a file named like a folder of other entries is refused naming both, and the installed pack stays (was: an internal "file already exists" half-way through writing)', async () => {
    // Found by documents.test.ts (the 'shadow' zip mutation): "lessons" beside "lessons/01-….json".
    const good = new Uint8Array(zipPackFolder(BUILTIN_PACK_DIR, { id: 'class-pack' }));
    const host = createHost({ host: 'web', builtinPackDirs: [], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-fuzz-reg-')) });
    const call = (channel: string, payload: unknown) => host.dispatch(channel, payload, { emit: () => {} }) as Promise<Result<unknown>>;
    try {
      expect((await call('packs:import', { fileName: 'class-pack.zip', zipBase64: Buffer.from(good).toString('base64') })).ok).toBe(true);
      const before = await call('packs:catalogue', {});
      for (const [extra, folder] of [['lessons', 'lessons'], ['pack.json/x.json', 'pack.json']] as const) {
        const bad = zipSync({ ...unzipSync(good), [extra]: strToU8('{}') });
        const result = await call('packs:import', { fileName: 'class-pack.zip', zipBase64: Buffer.from(bad).toString('base64') });
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('invalid-document');
        expect(result.error.message).toMatch(new RegExp(`^class-pack\\.zip: entry "${folder.replace('.', '\\.')}" is a file, and entry ".*" puts a file inside it as if it were a folder; refusing the whole zip\\.$`));
        expect(errorText(result.error, 'zh-CN')).toMatch(/^class-pack\.zip：条目“.*”是一个文件/);
        expect(await call('packs:catalogue', {})).toEqual(before);
      }
    } finally {
      host.dispose();
    }
  });

  it('a zip entry with a name longer than a disk takes is refused naming it (was: an internal "a file name is too long" half-way through writing)', async () => {
    // Found with the documents.test.ts 'rename' zip mutation to a 304-character name.
    const good = new Uint8Array(zipPackFolder(BUILTIN_PACK_DIR, { id: 'class-pack' }));
    const host = createHost({ host: 'web', builtinPackDirs: [], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-fuzz-reg-')) });
    try {
      for (const name of [`${'a'.repeat(300)}.txt`, `assets/${'é'.repeat(130)}.png`]) {
        const bad = zipSync({ ...unzipSync(good), [name]: strToU8('x') });
        const result = (await host.dispatch('packs:import', { fileName: 'class-pack.zip', zipBase64: Buffer.from(bad).toString('base64') }, { emit: () => {} })) as Result<unknown>;
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('invalid-document');
        expect(result.error.message).toBe(`class-pack.zip: entry "${name}" has a folder or file name longer than 120 bytes; refusing the whole zip.`);
        expect(errorText(result.error, 'zh-CN')).toMatch(/含有超过 120 字节的文件夹或文件名；拒绝整个 zip。$/);
      }
    } finally {
      host.dispose();
    }
  });
});

describe('fuzz regressions: IPC', () => {
  it('sim:trace with a selector naming a connection or fault the run lacks is refused as the request\'s fault, in Chinese too (was: an internal error)', async () => {
    // Found by simulate.test.ts's trace probe: traceRequests threw a plain Error, which the worker reported as internal.
    const g = graph([node('users', 'client', { rps: 10 }), node('api', 'service', {})], [edge('users', 'api')]);
    const scenario = { seed: 0, durationMs: 100, faults: [] };
    const host = createHost({ host: 'web', builtinPackDirs: [], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-fuzz-reg-')) });
    try {
      for (const [selector, en, zh] of [
        [{ kind: 'edge', edge: ' ', atMs: 0 }, 'edge: the design has no connection " ".', 'edge：设计中没有连接“ ”。'],
        [{ kind: 'firstFailedAfter', faultIndex: 2 }, 'faultIndex: the scenario has no fault number 3.', 'faultIndex：场景中没有第 3 个故障。'],
      ] as const) {
        const result = (await host.dispatch('sim:trace', { graph: g, scenario, selector }, { emit: () => {} })) as Result<unknown>;
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('invalid-document');
        expect(result.error.message).toBe(en);
        expect(errorText(result.error, 'zh-CN')).toBe(zh);
      }
    } finally {
      host.dispose();
    }
  });
});
