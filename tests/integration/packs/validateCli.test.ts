import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cliArgs } from '../../support/bundledCli';
import { asBytes, goodLesson, goodPack, writePack } from '../../unit/packs/fixtures';

const run = promisify(execFile);
const validate = async (...args: string[]) =>
  run(process.execPath, await cliArgs('src/cli/validatePack.ts', ...args)).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );

describe('npm run pack:validate', () => {
  it('reports every problem of a broken zip with file and JSON path, and exits non-zero', async () => {
    const lesson = goodLesson();
    (lesson.checks as Record<string, unknown>[])[0]!.metric = 'sessionLost';
    (lesson.checks as Record<string, unknown>[])[2] = { id: 'x', type: 'structure', points: 1 };
    const zip = path.join(mkdtempSync(path.join(tmpdir(), 'statelab-zip-')), 'broken.zip');
    writeFileSync(zip, zipSync(asBytes({ ...goodPack(), 'lessons/session-state.lesson.json': lesson })));
    const { code, stdout } = await validate(zip);
    expect(code).toBe(1);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      `${zip}: 2 problem(s)`,
      '  lessons/session-state.lesson.json: checks[0].metric: unknown metric "sessionLost": expected a metric of src/shared/metrics.ts (did you mean "sessionsLost"?)',
      '  lessons/session-state.lesson.json: checks[2]: expected "require", "forbid" or both',
    ]);
  });

  it('words each field in its sentence, the file and JSON path before it, and --json keeps them apart', async () => {
    const lesson = goodLesson();
    lesson.predictions = [{ id: 'guess', question: { en: '?', 'zh-CN': '？' }, choices: [{ id: 'a', text: { en: 'A', 'zh-CN': '甲' } }, { id: 'b', text: { en: 'B' } }], measure: { metric: 'failed', window: { before: 'crash' } } }];
    const folder = writePack({ ...goodPack(), 'lessons/session-state.lesson.json': lesson });
    const file = 'lessons/session-state.lesson.json';
    const at = 'predictions[0].choices[1].text.zh-CN';
    const sentence = `lesson "${String(lesson.id)}": Prediction 1 › Choice 2 has no zh-CN text (the pack lists the locales en, zh-CN)`;
    const text = await validate(folder);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`  ${file}: ${at}: ${sentence}\n`);
    const json = await validate('--json', folder);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ packs: [{ location: folder, ok: false, problems: [{ file, path: at, message: sentence, key: 'problem.missingLocale' }] }] });
    const good = await validate('--json', writePack(goodPack()));
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ packs: [{ ok: true, pack: 'sessions', problems: [] }] });
  });

  it('names a node’s setting by the properties panel’s label, not its key, in the printed line and in --json', async () => {
    const lesson = goodLesson();
    lesson.variants = { parameters: [{ id: 'rate', label: { en: 'Rate', 'zh-CN': '速率' }, min: 100, max: 2_000_000, step: 100_000, unit: 'rps', sets: ['starter.nodes[id=users].props.rps'] }] };
    const folder = writePack({ ...goodPack(), 'lessons/session-state.lesson.json': lesson });
    const sentence = 'lesson "session-state": at every parameter\'s max, the starter\'s node "users" is invalid: Rate: too large: at most 1,000,000';
    const text = await validate(folder);
    expect(text.stdout).toContain(`  lessons/session-state.lesson.json: variants: ${sentence}\n`);
    expect(text.stdout).not.toContain('“rps”');
    const json = await validate('--json', folder);
    expect((JSON.parse(json.stdout) as { packs: { problems: { message: string; key: string }[] }[] }).packs[0]!.problems[0]).toMatchObject({ message: sentence, key: 'problem.variantNode' });
  });

  it('refuses a zip with "../" entries and passes a good folder, exiting 1 if any pack fails', async () => {
    const zip = path.join(mkdtempSync(path.join(tmpdir(), 'statelab-zip-')), 'evil.zip');
    writeFileSync(zip, zipSync({ ...asBytes(goodPack()), '../../outside.txt': new Uint8Array([1]) }));
    const good = writePack(goodPack());
    const { code, stdout } = await validate(good, zip);
    expect(code).toBe(1);
    expect(stdout).toContain(`${good}: OK: pack "sessions" 1.0.0, 1 lesson(s)`);
    expect(stdout).toContain(`${zip}: entry "../../outside.txt" leaves the pack (".."); refusing the whole zip.`);
    expect((await validate(good)).code).toBe(0);
  });
});
