import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagramSvg, fileNameOf } from '../../../src/renderer/src/files/diagramSvg';
import { loadDocument } from '../../../src/shared/document';
import { graphSpec, type Graph } from '../../../src/shared/graph';

const lesson1 = loadDocument(JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/01-any-instance.starter.json', 'utf8')), graphSpec) as Graph;
const meta = { title: 'Any instance', lesson: 'Any instance can answer', date: '2026-11-27', traceHash: 'abcdef0123456789ffff' };

describe('the exported diagram', () => {
  it('draws one path per connection, from the source node\'s right side to the target\'s left side', () => {
    const { svg } = diagramSvg(lesson1, new Map(), meta);
    const paths = [...svg.matchAll(/<path data-edge-id="([^"]+)" d="M([\d.-]+),([\d.-]+) C[^"]*?([\d.-]+),([\d.-]+)"/g)];
    expect(paths.map((p) => p[1]).sort()).toEqual(lesson1.edges.map((e) => e.id).sort());
    // Geometry: each path starts 170 units (a node's width) right of where its target's path ends minus the node gap.
    for (const [, id, sx, sy, tx, ty] of paths) {
      const edge = lesson1.edges.find((e) => e.id === id)!;
      const s = lesson1.nodes.find((n) => n.id === edge.source)!;
      const t = lesson1.nodes.find((n) => n.id === edge.target)!;
      expect(Number(tx) - Number(sx)).toBeCloseTo(t.position.x - (s.position.x + 170), 0);
      expect(Number(ty) - Number(sy)).toBeCloseTo(t.position.y - s.position.y, 0);
    }
  });

  it('is a plain SVG with the title block and every node label, well under 100 KB', () => {
    const { svg } = diagramSvg(lesson1, new Map(), meta);
    expect(svg).not.toMatch(/foreignObject|<div|<img/i);
    expect(svg.length).toBeLessThan(100_000);
    for (const n of lesson1.nodes) expect(svg).toContain(`>${n.label}</text>`);
    expect(svg).toContain('Lesson: Any instance can answer');
    expect(svg).toContain('2026-11-27');
    expect(svg).toContain('Trace hash: abcdef0123456789');
    expect(diagramSvg(lesson1, new Map(), { ...meta, traceHash: undefined }).svg).toContain('Trace hash: not run as drawn');
  });

  it('is tight around the design, wherever the design sits on the canvas', () => {
    const moved = { ...lesson1, nodes: lesson1.nodes.map((n) => ({ ...n, position: { x: n.position.x + 5000, y: n.position.y - 3000 } })) };
    const a = diagramSvg(lesson1, new Map(), meta);
    const b = diagramSvg(moved, new Map(), meta);
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    const xs = lesson1.nodes.map((n) => n.position.x);
    expect(a.width).toBeLessThan(Math.max(...xs) - Math.min(...xs) + 170 + 60);
  });

  it('uses measured node sizes and escapes what the student typed', () => {
    const graph = { ...lesson1, nodes: lesson1.nodes.map((n, i) => (i === 0 ? { ...n, label: '<script>&"x"' } : n)) };
    const { svg } = diagramSvg(graph, new Map([[lesson1.nodes[0]!.id, { width: 300, height: 80 }]]), { ...meta, title: 'a < b' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;&amp;&quot;x&quot;');
    expect(svg).toContain('width="298" height="78"');
    expect(svg).toContain('<title>a &lt; b</title>');
  });

  it('draws replication connections dashed and labelled, request ones plain', () => {
    const failover = loadDocument(JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/06-failover.starter.json', 'utf8')), graphSpec) as Graph;
    const { svg } = diagramSvg(failover, new Map(), meta);
    const replication = failover.edges.filter((e) => e.kind === 'replication');
    expect(replication.length).toBeGreaterThan(0);
    expect(svg.match(/<path data-edge-id="[^"]+" d="[^"]+"[^>]*stroke-dasharray="6 4"/g)).toHaveLength(replication.length);
    expect(svg.match(/>replication<\/text>/g)).toHaveLength(replication.length);
    expect(svg.match(/<path data-edge-id=/g)).toHaveLength(failover.edges.length);
  });

  it('names the file after the design or lesson', () => {
    expect(fileNameOf('Any request, any instance', 'png')).toBe('Any request, any instance.png');
    expect(fileNameOf('../etc/passwd', 'svg')).toBe('etc passwd.svg');
    expect(fileNameOf('a:b*c?\u0000', 'svg')).toBe('a b c.svg');
    expect(fileNameOf('???', 'png')).toBe('design.png');
  });
});
