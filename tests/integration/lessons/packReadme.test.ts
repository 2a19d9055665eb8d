// The pack's README maps every numbered section of the course notes to the lessons that teach it;
// the lessons it names must be in pack.json, so the map cannot drift from the pack.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACK_DIR } from './expectations';

const README = readFileSync(path.join(PACK_DIR, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(PACK_DIR, 'pack.json'), 'utf8')) as { lessons: string[] };
/** The notes sit beside the repository (../shared/course), or beside its worktree folder; absent elsewhere. */
const NOTES = ['../../../../shared', '../../../../../shared'].map((up) => path.resolve(__dirname, up, 'course/stateless-vs-stateful-notes.txt')).find((p) => existsSync(p)) ?? '';
const SECTIONS = 21;

/** The table's rows: section number → the lesson files it links. */
const rows = new Map(
  [...README.matchAll(/^\| (\d+) \| [^|]+ \| (.+) \|$/gm)].map((m) => [Number(m[1]), [...m[2]!.matchAll(/\]\((lessons\/[^)]+\.lesson\.json)\)/g)].map((l) => l[1]!)]),
);

describe("the pack README's map from the notes to the lessons", () => {
  it('has a row for every numbered section of the notes, each naming at least one lesson', () => {
    expect([...rows.keys()]).toEqual(Array.from({ length: SECTIONS }, (_, i) => i + 1));
    for (const [section, lessons] of rows) expect(lessons.length, `§${section}`).toBeGreaterThan(0);
  });

  it('names only lessons of pack.json, and every lesson of the pack', () => {
    const named = new Set([...rows.values()].flat());
    for (const file of named) {
      expect(manifest.lessons, `${file} named in the README`).toContain(file);
      expect(existsSync(path.join(PACK_DIR, file)), file).toBe(true);
    }
    for (const file of manifest.lessons) expect(named, `${file} teaches no section in the README`).toContain(file);
  });

  it.runIf(NOTES !== '')('numbers its sections as the notes do', () => {
    // The notes number their sections with keycap digits ("1️⃣2️⃣") and one 🔟, English part first.
    const english = readFileSync(NOTES, 'utf8').split('\n');
    const numbers = english
      .map((line) => (line.startsWith('🔟') ? '10' : (/^((?:\d\uFE0F\u20E3)+)/u.exec(line)?.[1] ?? '').replace(/\uFE0F\u20E3/gu, '')))
      .filter((n) => n !== '')
      .map(Number);
    const firstRun = numbers.slice(0, numbers.indexOf(SECTIONS) + 1);
    expect(firstRun).toEqual(Array.from({ length: SECTIONS }, (_, i) => i + 1));
  });
});
