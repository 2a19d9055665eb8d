/**
 * Mutated valid documents through the host's own doors: a saved design (files:open, files:save),
 * a submission (loadSubmission, then submissions:regrade), a lesson pack zip (packs:import). Each
 * case is accepted, or refused with an error that names the file (and, for schema problems, a
 * path per problem); never an internal error or a throw, never a hang (each case has a
 * generous timeout), never prototype pollution, and what the host already stored (a good design,
 * a good imported pack) is still there, untouched. DOC_FUZZ_RUNS raises the case counts.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createSubmission, loadSubmission } from '../../../src/main/grading/submission';
import { createHost } from '../../../src/main/host/services';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { DocumentError } from '../../../src/shared/json';
import type { Result } from '../../../src/shared/result';
import { mutateJson, mutationArb, textDamageArb } from '../../support/jsonMutate';
import { BUILTIN_PACK_DIR, zipPackFolder } from '../../support/packZip';

const RUNS = Number(process.env.DOC_FUZZ_RUNS ?? 1);
const ctx = { emit: () => {} };
const pack = await loadPackFolder(BUILTIN_PACK_DIR);
const lessonEntry = pack.lessons.find((l) => l.lesson.id === 'remote-state')!;
const goodGraph = lessonEntry.reference!;

function newHost() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-fuzz-'));
  const host = createHost({ host: 'web', builtinPackDirs: [BUILTIN_PACK_DIR], dataDir });
  const call = (channel: string, payload: unknown) => host.dispatch(channel, payload, ctx) as Promise<Result<unknown>>;
  return { dataDir, call, dispose: () => host.dispose?.() };
}

/**
 * Whether an error says where the problem is: the file (or entry) by name, the field it names
 * (format, version, the top level), or a path for each schema problem.
 */
function namesWhere(message: string, issues: readonly { path: string }[], name: RegExp): boolean {
  if (issues.length > 0) return issues.every((i) => i.path !== '');
  return name.test(message) || /\b(format|version)\b|top level/.test(message);
}

/** A refusal is a user-facing error that says where, never an internal one. */
function expectNamedRefusal(result: Result<unknown>, name: RegExp): void {
  if (result.ok) return;
  expect(result.error.code, result.error.message).not.toBe('internal');
  expect(namesWhere(result.error.message, result.error.issues ?? [], name), result.error.message).toBe(true);
}

const noPollution = () => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
};

const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

afterEach(noPollution);

describe('mutated design files', () => {
  it(`open as a design or fail naming the file, and leave the saved design untouched (${200 * RUNS} cases)`, async () => {
    const { dataDir, call } = newHost();
    expect((await call('files:save', { name: 'good', graph: goodGraph })).ok).toBe(true);
    const goodText = readFileSync(path.join(dataDir, 'designs', 'good.statelab.json'), 'utf8');
    mkdirSync(path.join(dataDir, 'designs'), { recursive: true });
    await fc.assert(
      fc.asyncProperty(mutationsArb, textDamageArb, async (mutations, damage) => {
        const text = mutateJson(goodGraph, mutations, damage);
        // The file a student has on disk…
        writeFileSync(path.join(dataDir, 'designs', 'bad.statelab.json'), text);
        expectNamedRefusal(await call('files:open', { name: 'bad' }), /bad/);
        // …and the same document as an IPC payload (the bridge parses JSON the same way).
        let payload: unknown;
        try {
          payload = JSON.parse(text);
        } catch {
          payload = undefined;
        }
        if (payload !== undefined) expectNamedRefusal(await call('files:save', { name: 'other', graph: payload }), /files:save|other/);
        noPollution();
        expect(readFileSync(path.join(dataDir, 'designs', 'good.statelab.json'), 'utf8')).toBe(goodText);
        const reopened = await call('files:open', { name: 'good' });
        expect(reopened.ok && reopened.value).toMatchObject({ name: 'good', graph: goodGraph });
      }),
      { numRuns: 200 * RUNS, seed: 20_261_127, interruptAfterTimeLimit: 60_000 * RUNS },
    );
  }, 120_000 * RUNS);
});

describe('mutated submissions', () => {
  const submission = createSubmission({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: lessonEntry.lesson, graph: goodGraph, student: 'Ada', answers: {}, savedAt: new Date(Date.UTC(2026, 0, 1)) });

  it(`read as a submission or fail naming the file (${300 * RUNS} cases)`, () => {
    fc.assert(
      fc.property(mutationsArb, textDamageArb, (mutations, damage) => {
        const text = mutateJson(submission, mutations, damage);
        try {
          loadSubmission(text, 'sub.json');
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(DocumentError);
          expect((error as DocumentError).message).toMatch(/sub\.json/);
          expect(namesWhere((error as DocumentError).message, (error as DocumentError).issues, /sub\.json/), (error as DocumentError).message).toBe(true);
        }
        noPollution();
      }),
      { numRuns: 300 * RUNS, seed: 20_261_127 },
    );
  });

  it(`re-grade through the host or fail naming the file (${8 * RUNS} cases)`, async () => {
    const { call } = newHost();
    await fc.assert(
      fc.asyncProperty(mutationsArb, async (mutations) => {
        const text = mutateJson(submission, mutations);
        const result = await call('submissions:regrade', { fileName: 'sub.json', text });
        if (process.env.FUZZ_STATS) console.log('regrade', result.ok ? 'ok' : result.error.message.slice(0, 160));
        expectNamedRefusal(result, /sub\.json/);
        noPollution();
      }),
      { numRuns: 8 * RUNS, seed: 20_261_127 },
    );
  }, 120_000 * RUNS);
});

describe('mutated lesson pack zips', () => {
  const goodZip = new Uint8Array(zipPackFolder(BUILTIN_PACK_DIR, { id: 'class-pack' }));
  const files = unzipSync(goodZip);
  const names = Object.keys(files).sort();
  const jsonNames = names.filter((n) => n.endsWith('.json'));

  /** A zip-level change: damage the bytes, or rebuild it with an entry changed, renamed or added. */
  const zipMutationArb = fc.oneof(
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ op: fc.constant('json' as const), entry: fc.constantFrom(...jsonNames), mutations: mutationsArb, damage: textDamageArb }),
    fc.record({ op: fc.constant('rename' as const), entry: fc.constantFrom(...names), to: fc.constantFrom('../evil.json', '../../x', '/abs.json', 'a\\b.json', 'C:/x.json', 'lessons/../../up.json', 'd/'.repeat(12) + 'deep.json', 'lessons/nul\u0000.json', `lessons/${'a'.repeat(300)}.json`, `assets/${'é'.repeat(130)}.png`) }),
    fc.record({ op: fc.constant('drop' as const), entry: fc.constantFrom(...names) }),
    // An entry named like a folder other entries live in, or a folder under a file: the zip is fine, the disk cannot hold both.
    fc.record({ op: fc.constant('shadow' as const), name: fc.constantFrom('lessons', 'graphs', 'pack.json/x.json', 'README.md/a', 'lessons/01-any-instance.lesson.json/b.json', 'assets') }),
    fc.record({ op: fc.constant('many' as const), count: fc.constantFrom(10, 999, 1001, 3000) }),
    fc.record({ op: fc.constant('empty' as const) }),
  );

  function mutateZip(m: typeof zipMutationArb extends fc.Arbitrary<infer T> ? T : never): Uint8Array {
    switch (m.op) {
      case 'truncate':
        return goodZip.slice(0, m.at % goodZip.length);
      case 'flip': {
        const out = goodZip.slice();
        out[m.at % out.length]! ^= m.bits;
        return out;
      }
      case 'json':
        return zipSync({ ...files, [m.entry]: strToU8(mutateJson(JSON.parse(strFromU8(files[m.entry]!)), m.mutations, m.damage)) });
      case 'rename': {
        const { [m.entry]: moved, ...rest } = files;
        return zipSync({ ...rest, [m.to]: moved! });
      }
      case 'drop': {
        const { [m.entry]: _dropped, ...rest } = files;
        return zipSync(rest);
      }
      case 'shadow':
        return zipSync({ ...files, [m.name]: strToU8('{}') });
      case 'many': {
        const extra = Object.fromEntries(Array.from({ length: m.count }, (_, i) => [`assets/extra-${i}.txt`, strToU8('x')]));
        return zipSync({ ...files, ...extra }, { level: 0 });
      }
      case 'empty':
        return new Uint8Array(0);
    }
  }

  it(`import as a pack or fail naming the zip, and leave the installed pack as it was (${20 * RUNS} cases)`, async () => {
    const { call } = newHost();
    const first = await call('packs:import', { fileName: 'class-pack.zip', zipBase64: Buffer.from(goodZip).toString('base64') });
    expect(first.ok).toBe(true);
    const catalogue = await call('packs:catalogue', {});
    await fc.assert(
      fc.asyncProperty(zipMutationArb, async (m) => {
        const result = await call('packs:import', { fileName: 'class-pack.zip', zipBase64: Buffer.from(mutateZip(m)).toString('base64') });
        if (process.env.FUZZ_STATS) console.log('import', m.op, result.ok ? 'ok' : result.error.message.slice(0, 200));
        expectNamedRefusal(result, /class-pack/);
        noPollution();
        if (!result.ok) {
          // A refused import changes nothing the student already has.
          expect(await call('packs:catalogue', {})).toEqual(catalogue);
          const lesson = await call('lessons:open', { packId: 'class-pack', lessonId: 'remote-state' });
          expect(lesson.ok).toBe(true);
        } else {
          // An accepted one (a harmless change) replaced it: put the good one back for the next case.
          expect((await call('packs:import', { fileName: 'class-pack.zip', zipBase64: Buffer.from(goodZip).toString('base64') })).ok).toBe(true);
        }
      }),
      { numRuns: 20 * RUNS, seed: 20_261_127 },
    );
  }, 180_000 * RUNS);
});
