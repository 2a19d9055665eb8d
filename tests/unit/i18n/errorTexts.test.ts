// Errors and Step descriptions read in the student's language: every key has its Chinese, the same
// placeholders, and what main sends (a key and parameters) reads in Chinese once the renderer fills it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FILE_ERRORS, internalErrorText } from '../../../src/main/host/errorText';
import { TIMER_PURPOSES } from '../../../src/main/sim/nodes/timers';
import { loadDocument } from '../../../src/shared/document';
import { graphSpec } from '../../../src/shared/graph';
import { ERROR_TEXTS, errorText } from '../../../src/shared/i18n/errorTexts';
import { issuesOf, issueText } from '../../../src/shared/i18n/issues';
import { STEP_TEXTS, stepText } from '../../../src/shared/i18n/stepTexts';
import { DocumentError, parseUntrustedJson } from '../../../src/shared/json';
import { payloadTooLarge } from '../../../src/shared/payloadSize';
import { appError } from '../../../src/shared/result';

describe('errors as keys', () => {
  it('every file system error main names has a sentence', () => {
    expect([...FILE_ERRORS].filter((code) => !Object.hasOwn(ERROR_TEXTS, `fs.${code}`))).toEqual([]);
    const text = internalErrorText('files:open', Object.assign(new Error('x'), { code: 'ENOSPC', path: '/home/a/b.json' }), []);
    expect(errorText(appError('internal', text), 'zh-CN')).toBe('files:open 失败：磁盘已满（“b.json”）。');
    expect(errorText(appError('internal', text), 'en')).toBe('files:open failed: the disk is full ("b.json").');
  });

  it('every timer purpose of the simulator has a Step description', () => {
    const purposes = new Set(Object.values(TIMER_PURPOSES).flat().filter((p) => p !== ''));
    expect([...purposes].filter((p) => !Object.hasOwn(STEP_TEXTS, `purpose.${p}`))).toEqual([]);
    const text = { key: 'step.timerFor', params: { node: 'lb', purpose: { key: 'purpose.health check' } } } as const;
    expect([stepText(text, 'en'), stepText(text, 'zh-CN')]).toEqual(['timer at lb (health check)', 'lb 的定时器（健康检查）']);
  });

  it('a broken design file reads in Chinese, with where it broke', () => {
    let caught: unknown;
    try {
      parseUntrustedJson('{\n  "format": "statelab.graph",\n  "nodes": [1,,]\n}', 10_000, { key: 'noun.fileNamed', params: { name: 'cut.json' } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DocumentError);
    const error = appError('invalid-document', (caught as DocumentError).text);
    expect(error.message).toMatch(/^The file "cut\.json" is not valid JSON \(at line 3, column 15\)/);
    expect(errorText(error, 'zh-CN')).toBe('文件“cut.json”不是有效的 JSON（第 3 行第 15 列）。它可能被截断了，或者不是 StateLab 文档。');
  });

  it('a graph with schema problems names each path, with zod’s own wording in Chinese', () => {
    const graph = { format: 'statelab.graph', version: 1, name: 'x', nodes: [{ id: 'a', kind: 'service', label: 'A', position: { x: 'left', y: 0 }, props: {} }], edges: [] };
    let caught: unknown;
    try {
      loadDocument(graph, graphSpec);
    } catch (error) {
      caught = error;
    }
    const { text, issues } = caught as DocumentError;
    const error = appError('invalid-document', text, issues);
    expect(error.message).toContain('The graph has problems:\nnodes[0].position.x: Invalid input: expected number, received string');
    const zh = errorText(error, 'zh-CN');
    expect(zh).toContain('设计图有问题：\nnodes[0].position.x: 无效输入：期望 数字，实际接收 字符串');
    expect(zh).not.toMatch(/Invalid|expected|received|problems/);
  });

  it('a schema’s own wording is kept as written (it has no zod wording to translate)', () => {
    const schema = z.object({ n: z.number().min(1, { error: 'must be at least 1 ms' }), m: z.number().max(3) });
    const [own, zods] = issuesOf(schema.safeParse({ n: 0, m: 9 }).error!);
    expect(issueText(own!, 'zh-CN')).toBe('n: must be at least 1 ms');
    expect(issueText(zods!, 'zh-CN')).toBe('m: 数值过大：期望 number <=3');
  });

  it('the size limit reads in each language', () => {
    const big = { text: '"'.repeat(5_000_000) };
    const text = payloadTooLarge(big, 5_000_000)!;
    expect(errorText(appError('invalid-payload', text), 'zh-CN')).toMatch(/^此文件过大（10\.1 MB，最多 8 MB）。文件本身为 5 MB；/);
  });

  it('an error without a key (an older host, an unexpected throw) reads as its English', () => {
    expect(errorText({ message: 'Something odd.' }, 'zh-CN')).toBe('Something odd.');
  });
});

describe('issues worded in the renderer’s zod locale', () => {
  it('are recognised as zod’s own, kept in English for the log and re-worded in each language', () => {
    z.config(z.locales.zhCN());
    try {
      const schema = z.object({ x: z.number(), list: z.array(z.string()) });
      const issues = issuesOf(schema.safeParse({ x: 'left', list: 3 }).error!);
      expect(issues.map((i) => i.message)).toEqual(['Invalid input: expected number, received string', 'Invalid input: expected array, received number']);
      expect(issues.map((i) => issueText(i, 'zh-CN'))).toEqual(['x: 无效输入：期望 数字，实际接收 字符串', 'list: 无效输入：期望 数组，实际接收 数字']);
    } finally {
      z.config(z.locales.en());
    }
  });
});
