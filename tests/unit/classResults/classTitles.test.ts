import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classTitles } from '../../../src/renderer/src/classResults/classTitles';
import type { LocalizedText } from '../../../src/shared/checks';
import { BUILTIN_PACK_ID } from '../../../src/shared/lesson';

type Titled = { id: string; title: LocalizedText };
const PACK_DIR = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');
const read = <T>(file: string) => JSON.parse(readFileSync(path.join(PACK_DIR, file), 'utf8')) as T;
/** The built-in pack as the catalogue lists it: its title and its lessons' titles. */
const pack = read<Titled & { lessons: string[] }>('pack.json');
const lessons = pack.lessons.map((file) => read<Titled>(file));
const catalogue = [{ id: pack.id, title: pack.title, lessons: lessons.map(({ id, title }) => ({ id, title })) }];
const session = lessons.find((l) => l.id === 'session-state')!;

describe('class results name the pack and lessons by their titles', () => {
  it('in the app’s language, for results graded against the pack', () => {
    expect(pack.id).toBe(BUILTIN_PACK_ID);
    const zh = classTitles(catalogue, pack.id, BUILTIN_PACK_ID, 'zh-CN');
    expect(zh.pack).toBe(pack.title['zh-CN']);
    expect(zh.lesson('session-state')).toBe(session.title['zh-CN']);
    const en = classTitles(catalogue, pack.id, BUILTIN_PACK_ID, 'en');
    expect(en.pack).toBe(pack.title.en);
    expect(en.lesson('session-state')).toBe(session.title.en);
    expect(en.lesson('session-state')).not.toBe('session-state');
  });

  it('a CSV alone names no pack; its lessons are titled from the built-in pack', () => {
    const titles = classTitles(catalogue, undefined, BUILTIN_PACK_ID, 'zh-CN');
    expect(titles.pack).toBeUndefined();
    expect(titles.lesson('session-state')).toBe(session.title['zh-CN']);
  });

  it('a pack or lesson the catalogue does not have is shown by its id', () => {
    const titles = classTitles(catalogue, 'caching-for-stateless-services', BUILTIN_PACK_ID, 'en');
    expect(titles.pack).toBe('caching-for-stateless-services');
    expect(titles.lesson('cold-cache')).toBe('cold-cache');
    expect(classTitles(catalogue, pack.id, BUILTIN_PACK_ID, 'en').lesson('no-such-lesson')).toBe('no-such-lesson');
  });
});
