// Deeply nested JSON is refused by name ("nested more than N levels") and where, never as "truncated".
import { describe, expect, it } from 'vitest';
import { parseUntrustedJson, tooDeepText } from '../../../src/shared/json';

describe('deeply nested JSON', () => {
  it('says how deep and where, even when the parser alone would overflow its stack', () => {
    const text = `{"nodes": [1, {"props": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    expect(() => parseUntrustedJson(text, 1_000_000, { key: 'noun.fileNamed', params: { name: 'deep.json' } })).toThrow(
      'The file "deep.json" is nested more than 64 levels deep (at nodes[1].props' + '[0]'.repeat(61) + '); no StateLab document is.',
    );
  });

  it('counts only brackets outside strings, and reads escaped keys', () => {
    expect(tooDeepText(JSON.stringify({ text: '['.repeat(500) }))).toBeUndefined();
    expect(tooDeepText('{"a\\"b": [[[1]]]}', 3)).toBe('a"b[0][0]');
    const exactlyMax = '['.repeat(64) + ']'.repeat(64);
    expect(parseUntrustedJson(exactlyMax, 1000)).toBeInstanceOf(Array);
    expect(() => parseUntrustedJson(`[${exactlyMax}]`, 1000)).toThrow('nested more than 64 levels deep');
  });

  it('still reports broken JSON as broken', () => {
    expect(() => parseUntrustedJson('{"a": [1, 2', 1000, { key: 'noun.fileNamed', params: { name: 'cut.json' } })).toThrow('The file "cut.json" is not valid JSON');
  });
});
