/**
 * Where an edge's traffic label can be read. It sits at the middle of its edge; on a short edge
 * (lesson 1's users → balancer at 1280×720: 70 px between the two cards) "720/s · 29% failed" is
 * wider than the gap and its ends lay under the two nodes. So it is drawn on one line where that
 * clears every node, else on two lines (rate over failures), else as the failures' share alone
 * ("29%", in the failing colour; lesson 3's balancer → instance edges at 1280×720), else tucked into
 * a small marker. Whole, it shows on hover and keyboard focus, above the nodes. All in flow units: the
 * label and the nodes scale together, so the choice does not change with the zoom.
 */

export type LabelForm = 'line' | 'stacked' | 'share' | 'tucked';
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Size {
  width: number;
  height: number;
}
export interface LabelSizes {
  line: Size;
  stacked: Size;
  /** The failures' share alone; none when nothing fails (the rate is the label then). */
  share?: Size;
}

/** Room kept between a label and a card: the card's handle dots stand 6 px out of its border. */
export const LABEL_CLEARANCE_PX = 2;

/** Whether two boxes share any area (touching edges do not). The canvas's auto-fit asks the same of its overlays (useAutoFit.ts). */
export const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const centredAt = (x: number, y: number, size: Size): Rect => ({ x: x - size.width / 2, y: y - size.height / 2, width: size.width, height: size.height });

/** The widest form of the label centred at (x, y) that lies on no node (each grown by `LABEL_CLEARANCE_PX`). */
export function fitEdgeLabel(x: number, y: number, sizes: LabelSizes, nodes: readonly Rect[]): LabelForm {
  const grown = nodes.map((n) => ({ x: n.x - LABEL_CLEARANCE_PX, y: n.y - LABEL_CLEARANCE_PX, width: n.width + 2 * LABEL_CLEARANCE_PX, height: n.height + 2 * LABEL_CLEARANCE_PX }));
  const isClear = (size: Size) => {
    const box = centredAt(x, y, size);
    return grown.every((n) => !overlaps(box, n));
  };
  if (isClear(sizes.line)) return 'line';
  if (isClear(sizes.stacked)) return 'stacked';
  if (sizes.share && isClear(sizes.share)) return 'share';
  return 'tucked';
}

/** The label's box: its text's padding and border (lab.css: `padding: 0 4px`, 1 px border) and line height (canvas.css). */
export const LABEL_BOX = { padX: 10, padY: 2, lineHeight: 14 } as const;

/**
 * The forms' sizes from the widths of the label's texts: `line` (the one-line text), `rate` and, when
 * requests fail, `failed` ("29% failed", the stacked form's second line) and `share` ("29%").
 */
export function labelSizes(width: (text: string) => number, texts: { line: string; rate: string; failed?: string; share?: string }): LabelSizes {
  const oneLine = (text: string) => ({ width: width(text) + LABEL_BOX.padX, height: LABEL_BOX.lineHeight + LABEL_BOX.padY });
  const line = oneLine(texts.line);
  if (texts.failed === undefined || texts.share === undefined) return { line, stacked: line };
  return { line, stacked: { width: Math.max(width(texts.rate), width(texts.failed)) + LABEL_BOX.padX, height: 2 * LABEL_BOX.lineHeight + LABEL_BOX.padY }, share: oneLine(texts.share) };
}

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();
/** Far above the labels a design shows at once; past it the cache starts again. */
const MAX_CACHED = 2_000;

/**
 * The width in CSS px of `text` set in the label's font (10 px of the page's font), measured once.
 * Where no canvas can measure (a test's DOM) it is estimated: CJK characters a full em, others 0.62 em.
 */
export function labelTextWidth(text: string, fontFamily: string): number {
  const key = `${fontFamily}\u0000${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (context === undefined) context = typeof document === 'undefined' ? null : (document.createElement('canvas').getContext?.('2d') ?? null);
  let width: number;
  if (context) {
    context.font = `10px ${fontFamily}`;
    // One px of slack: the label's tabular digits may be a little wider than the font's own.
    width = Math.ceil(context.measureText(text).width) + 1;
  } else {
    width = [...text].reduce((sum, ch) => sum + (/[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? 10 : 6.2), 0);
  }
  if (widths.size >= MAX_CACHED) widths.clear();
  widths.set(key, width);
  return width;
}
