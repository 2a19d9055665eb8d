import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src/shared/document';
import { graphSpec } from '../../../src/shared/graph';
import { DocumentError, parseUntrustedJson } from '../../../src/shared/json';
import { APP_VERSION } from '../../../src/shared/version';

const example = readFileSync(path.resolve(__dirname, '../../../lessons/stateless-vs-stateful/graphs/01-any-instance.starter.json'), 'utf8');
const load = (text: string) => loadDocument(parseUntrustedJson(text, 1_000_000, { key: 'noun.graph' }), graphSpec);
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentError);
    return (e as Error).message;
  }
  throw new Error('expected a DocumentError');
};

describe('graph documents', () => {
  it('loads the starter graph of the first lesson', () => {
    const graph = load(example);
    expect(graph.nodes.map((n) => n.kind)).toEqual(['client', 'load-balancer', 'service', 'service', 'service', 'database']);
    expect(graph.edges).toHaveLength(7);
    expect(graph.edges[0]!.props).toEqual({ latencyMs: 20, jitterMs: 5, lossRate: 0 });
  });

  it('rejects a truncated file saying it is not valid JSON', () => {
    expect(errorOf(() => load(example.slice(0, example.length / 2)))).toMatch(/not valid JSON/);
  });

  it('rejects a __proto__ key anywhere', () => {
    const poisoned = example.replace('"props": { "users": 1000', '"props": { "__proto__": { "polluted": 1 }, "users": 1000');
    expect(errorOf(() => load(poisoned))).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a document from a newer app, and a foreign document', () => {
    expect(errorOf(() => load(example.replace('"version": 1', '"version": 99')))).toMatch(/newer StateLab/);
    expect(errorOf(() => load('{"format":"excalidraw","version":2}'))).toMatch(/not a StateLab graph.*excalidraw/);
  });

  it('names the JSON path of each problem', () => {
    const doc = JSON.parse(example);
    doc.nodes[2].position.x = 'left';
    expect(errorOf(() => loadDocument(doc, graphSpec))).toMatch(/nodes\[2\]\.position\.x: .*expected number/);
    const dangling = JSON.parse(example);
    dangling.edges[3].target = 'ghost';
    expect(errorOf(() => loadDocument(dangling, graphSpec))).toMatch(/edges\[3\]\.target: no node with id "ghost"/);
  });

  it('bounds the size of untrusted input', () => {
    expect(errorOf(() => parseUntrustedJson('[' + '1,'.repeat(1000) + '1]', 100, { key: 'noun.graph' }))).toMatch(/too large/);
  });
});

describe('app version', () => {
  it('matches package.json, since runs are identified by it', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    expect(APP_VERSION).toBe(pkg.version);
  });
});
