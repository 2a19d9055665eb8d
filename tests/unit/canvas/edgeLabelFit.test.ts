import { describe, expect, it } from 'vitest';
import { fitEdgeLabel, labelSizes, labelTextWidth, type Rect } from '../../../src/renderer/src/canvas/edgeLabelFit';

/** Two cards 150 wide and 70 high, `gap` apart on one row, as lesson 1's users and balancer. */
const twoCards = (gap: number): Rect[] => [
  { x: 0, y: 0, width: 150, height: 70 },
  { x: 150 + gap, y: 0, width: 150, height: 70 },
];
const between = (gap: number) => 150 + gap / 2;
/** "720/s · 29% failed" on one line (110 wide), "29% failed" under the rate (62), "29%" alone (30). */
const failing = { line: { width: 110, height: 16 }, stacked: { width: 62, height: 30 }, share: { width: 30, height: 16 } };

describe('fitEdgeLabel: where an edge’s traffic label can be read', () => {
  it('keeps the one-line label where it lies between the cards', () => {
    expect(fitEdgeLabel(between(140), 35, failing, twoCards(140))).toBe('line');
  });

  it('puts the failures under the rate where the one-line label would reach under a card (lesson 1 at 1280×720: 70 between the cards)', () => {
    expect(fitEdgeLabel(between(70), 35, failing, twoCards(70))).toBe('stacked');
  });

  it('shows the failures’ share alone where the stacked label would reach under a card (lesson 3’s balancer → instances: 60 between them)', () => {
    expect(fitEdgeLabel(between(50), 35, failing, twoCards(50))).toBe('share');
  });

  it('tucks the label away where no form clears the cards', () => {
    expect(fitEdgeLabel(between(20), 35, failing, twoCards(20))).toBe('tucked');
  });

  it('keeps clear of any card on the way, not only the edge’s own two', () => {
    const third = { x: between(140) - 20, y: 30, width: 150, height: 70 };
    expect(fitEdgeLabel(between(140), 35, failing, [...twoCards(140), third])).toBe('tucked');
    expect(fitEdgeLabel(between(140), 35, failing, [...twoCards(140), { x: 256, y: 0, width: 20, height: 70 }])).toBe('stacked');
  });

  it('a label without failures has one form: on one line or tucked', () => {
    const sizes = labelSizes(() => 30, { line: '650/s', rate: '650/s' });
    expect(sizes.stacked).toEqual(sizes.line);
    expect(sizes.share).toBeUndefined();
    expect(fitEdgeLabel(between(70), 35, sizes, twoCards(70))).toBe('line');
    expect(fitEdgeLabel(between(20), 35, sizes, twoCards(20))).toBe('tucked');
  });

  it('sizes the stacked form by its wider line, two lines high', () => {
    const width = (s: string) => s.length * 6;
    const sizes = labelSizes(width, { line: '720/s · 29% failed', rate: '720/s', failed: '29% failed', share: '29%' });
    expect(sizes.line.width).toBeGreaterThan(sizes.stacked.width);
    expect(sizes.stacked.width).toBe(width('29% failed') + 10);
    expect(sizes.stacked.height).toBeGreaterThan(sizes.line.height);
    expect(sizes.share).toEqual({ width: width('29%') + 10, height: sizes.line.height });
  });

  it('estimates a text’s width without a canvas to measure it, CJK characters a full em', () => {
    expect(labelTextWidth('失败', 'sans-serif')).toBe(20);
    expect(labelTextWidth('720/s', 'sans-serif')).toBeCloseTo(31, 0);
  });
});
