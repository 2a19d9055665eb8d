/**
 * What an e2e spec asks of any screen: in 简体中文 no text still reads as English
 * (`englishOnScreen`), and at a laptop's size nothing is cut off or needs horizontal scrolling
 * (`layoutProblems`). Shared by i18n.spec.ts and screens.spec.ts.
 */
import type { Page } from '@playwright/test';

/**
 * Words that may stay in Latin letters on a Chinese screen: node ids and labels come from the
 * lesson data (added per page), units, key names, file formats, proper names and the course's
 * English abbreviations (ID as Chinese software writes it: 课程包 ID).
 */
export const ALLOWED = /\b(ms|s|req|p50|p99|PNG|SVG|CSV|JSON|zip|API|Ctrl|Shift|Tab|Enter|Esc|Escape|Space|Delete|Backspace|StateLab|English|LRU|Zipf|GC|etcd|ZooKeeper|WebSocket|M\/M\/c|npm|run|grade|cat|factor|latencyFactor|drain|false|MB|ID|TLS|TCP|HTTP)\b/g;

/** Quoted words are data too: a key the file had ("name"), a file or design name (“damaged”). */
export const QUOTED = /"[^"\n]*"|“[^”\n]*”/g;

/**
 * An English term given in full-width brackets right after its Chinese word, as Chinese course
 * books do (粘性（sticky）路由): a gloss for the student, not a text left untranslated.
 */
export const GLOSS = /(?<=\p{Script=Han}|^)（[A-Za-z][A-Za-z -]*）/gu;

/** A lesson text's placeholders are what an instructor types: {measured}, {bound}. */
export const PLACEHOLDERS = /\{\w+\}/g;

/** JSON paths and file names are data: `nodes[0].position.x`, `cut.statelab.json`. */
export const PATHS = /[A-Za-z_$][\w$-]*(\[\d+\])*(\.[A-Za-z_$][\w$-]*(\[\d+\])*)+/g;

/** Ids and names that are data, as whole words. */
const idPatternOf = (ids: readonly string[]): RegExp =>
  new RegExp(`(^|[^\\w-])(${ids.filter(Boolean).map((i) => i.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '$^'})(?![\\w-])`, 'g');

/**
 * Every visible text on the page that still reads as English once the allowed words, the design's
 * node ids and labels, the lab's fault ids, and numbers are taken out (event-log sentences included).
 * `data` adds words that are data on this screen (a student's name, a pack's id); `skip` adds CSS
 * selectors of elements whose text is data (an instructor's input fields are never scanned: their
 * values are not text nodes).
 */
export async function englishOnScreen(page: Page, data: readonly string[] = [], skip: readonly string[] = []): Promise<string[]> {
  const texts = await page.evaluate((extraSkip) => {
    // Data, not words: key names, node labels, the trace hash, saved designs' names, a command to type (pre code).
    const skip = ['kbd, pre code, .sl-node-label, [data-testid="trace-hash"], .sl-lesson-body code, .sl-compare-pick select, .sl-compare-table th:nth-child(3), ul[aria-label] .sl-file-item:not([data-target]):not([data-edge])', ...extraSkip].join(', ');
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || el.closest(skip) || el.closest('option, script, style, textarea')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      out.push(text);
    }
    for (const select of document.querySelectorAll('select')) if (select.checkVisibility() && !select.closest(skip)) out.push(select.selectedOptions[0]?.textContent ?? '');
    return out;
  }, skip);
  const nodeIds = await page.locator('.react-flow__node').evaluateAll((els) => els.flatMap((e) => [e.getAttribute('data-id') ?? '', e.querySelector('.sl-node-label')?.textContent ?? '']));
  // Fault ids the lab gives injected faults (lab-crash-1) are data like node ids.
  // and so are a scenario's own fault ids, which the log names as "故障 <id>：".
  const faultIds = await page.locator('.sl-eventlog li').evaluateAll((els) => els.flatMap((e) => [...(e.textContent ?? '').matchAll(/lab-[a-z-]+-\d+|(?<=故障 )[\w-]+(?=：)/g)].map((m) => m[0])));
  const ids = [...nodeIds, ...faultIds, ...data];
  const idPattern = idPatternOf(ids);
  return texts.filter((t) => /[A-Za-z]{2,}/.test(t.replace(idPattern, ' ').replace(QUOTED, ' ').replace(GLOSS, ' ').replace(PLACEHOLDERS, ' ').replace(PATHS, ' ').replace(ALLOWED, ' ')));
}

/**
 * The same for what a person reads on hover or in a field: each visible element's tooltip (`title`)
 * and placeholder, which `englishOnScreen` (text nodes only) does not see. Each finding names the
 * attribute and its text.
 */
export async function englishInTooltips(page: Page, data: readonly string[] = [], skip: readonly string[] = []): Promise<string[]> {
  const texts = await page.evaluate((extraSkip) => {
    const skip = ['.sl-node-label, [data-testid="trace-hash"]', ...extraSkip].join(', ');
    const out: string[] = [];
    for (const el of document.querySelectorAll('[title], [placeholder]')) {
      if (el.closest(skip) || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      for (const name of ['title', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(`${name}: ${value}`);
      }
    }
    return out;
  }, skip);
  const nodeIds = await page.locator('.react-flow__node').evaluateAll((els) => els.flatMap((e) => [e.getAttribute('data-id') ?? '', e.querySelector('.sl-node-label')?.textContent ?? '']));
  const ids = [...nodeIds, ...data];
  const idPattern = idPatternOf(ids);
  return texts.filter((t) => /[A-Za-z]{2,}/.test(t.replace(/^(title|placeholder): /, '').replace(idPattern, ' ').replace(QUOTED, ' ').replace(GLOSS, ' ').replace(PLACEHOLDERS, ' ').replace(PATHS, ' ').replace(ALLOWED, ' ')));
}

/**
 * What is cut off or spills out at the page's current size, one line each (empty when the screen
 * fits):
 * - the page scrolls sideways (`document.scrollingElement.scrollWidth > innerWidth`), or an element
 *   of the layout that nothing clips reaches past the window's right edge;
 * - a dialog is not wholly inside the window;
 * - the header is more than one row;
 * - a text is cut off or spills out of its box (its `scrollWidth > clientWidth`), or a select is too
 *   narrow for its chosen option, with no `title` to read it in full;
 * - a short button label is broken over two lines;
 * - a panel needs horizontal scrolling.
 * `allowScroll` names selectors whose sideways scrolling is the content's own (a long diagram).
 */
export async function layoutProblems(page: Page, allowScroll: readonly string[] = []): Promise<string[]> {
  return page.evaluate((allowScroll) => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.getAttribute('aria-label');
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${cls}${id ? ` "${id}"` : ''}> "${text}"`;
    };
    const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    const titled = (el: Element) => Boolean(el.closest('[title]:not([title=""])') && (el.hasAttribute('title') || el.closest('button, a, label, [role="tab"], th, td, li, summary')?.hasAttribute('title')));
    const scroller = document.scrollingElement!;
    if (scroller.scrollWidth > vw) problems.push(`the page scrolls sideways: ${scroller.scrollWidth} px wide in a ${vw} px window`);

    // Elements of the layout that reach past the right edge (nothing above them clips them).
    const walk = (el: Element) => {
      if (!visible(el)) return;
      const style = getComputedStyle(el);
      if (style.position === 'fixed' && el !== document.body && !el.closest('[role="dialog"], .sl-toast')) return;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > vw + 1 || r.left < -1)) problems.push(`${name(el)} reaches ${Math.round(r.left)}..${Math.round(r.right)} px in a ${vw} px window`);
      if (style.overflowX !== 'visible' || el.matches('svg, .react-flow, canvas')) return;
      for (const child of el.children) walk(child);
    };
    for (const child of document.body.children) walk(child);

    for (const dialog of document.querySelectorAll('[role="dialog"], [role="alertdialog"], dialog[open]')) {
      if (!visible(dialog)) continue;
      const r = dialog.getBoundingClientRect();
      if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1) problems.push(`dialog ${name(dialog)} is not inside the window: ${Math.round(r.left)},${Math.round(r.top)}..${Math.round(r.right)},${Math.round(r.bottom)} in ${vw}×${vh}`);
    }

    const header = document.querySelector('.sl-header');
    if (header) {
      const parts = [...header.querySelectorAll('button, select, input, a, .sl-brand, [data-testid="lesson-title"], [data-testid="file-name"]')].filter(visible).map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0);
      const lowestTop = Math.max(...parts.map((r) => r.top));
      const highestBottom = Math.min(...parts.map((r) => r.bottom));
      if (parts.length && lowestTop >= highestBottom) problems.push(`the header wraps to more than one row (${Math.round(header.getBoundingClientRect().height)} px tall)`);
    }

    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg, .react-flow__pane, .react-flow__viewport, script, style, option, textarea')) continue;
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      const style = getComputedStyle(el);
      const scrolls = (style.overflowX === 'auto' || style.overflowX === 'scroll') && !el.matches('input, select');
      if (!hasText && !scrolls && el.tagName !== 'SELECT') continue;
      // Words only a screen reader hears (sl-visually-hidden) are 1 px wide on purpose.
      if (!visible(el) || el.clientWidth <= 1) continue;
      if (el.tagName === 'SELECT') {
        const select = el as HTMLSelectElement;
        const label = select.selectedOptions[0]?.textContent ?? '';
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
        if (ctx.measureText(label).width > room + 1 && !titled(el)) problems.push(`${name(el)} is too narrow for "${label}" (${Math.round(ctx.measureText(label).width)} px of text in ${Math.round(room)} px)`);
        continue;
      }
      const ownText = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
      const own = ownText.map((n) => n.textContent).join('').trim();
      if (hasText && ((el.matches('button, [role="tab"]') && own.length <= 16) || (el.matches('th, td') && own.length <= 10))) {
        // A short label broken over two lines (显示提示 as 显示提 / 示, 初始设计 as 初始设 / 计) reads as two
        // words; a table's longer cells (a wrong answer's name) may wrap.
        const rects = ownText.flatMap((n) => {
          const range = document.createRange();
          range.selectNodeContents(n);
          return [...range.getClientRects()].filter((r) => r.width > 0);
        });
        let lines = 0;
        let bottom = -Infinity;
        for (const r of rects.sort((a, b) => a.top - b.top)) {
          if (r.top >= bottom - 2) {
            lines++;
            bottom = r.bottom;
          } else bottom = Math.max(bottom, r.bottom);
        }
        if (lines > 1) problems.push(`${name(el)} breaks its label over ${lines} lines`);
      }
      // Vertical text (a folded panel's rail label) runs down its box: it needs the string's length in
      // height (measured as the select's text is). It is the label itself: a tooltip on its button
      // does not make it readable.
      if (style.writingMode.startsWith('vertical') && hasText) {
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const needed = ctx.measureText(own).width;
        if (el.getBoundingClientRect().height + 1 < needed) problems.push(`${name(el)} is squeezed (${Math.round(needed)} px of vertical text in ${Math.round(el.getBoundingClientRect().height)} px)`);
        continue;
      }
      if (el.scrollWidth <= el.clientWidth + 1) continue;
      if (scrolls) {
        if (!allowScroll.some((s) => el.closest(s))) problems.push(`${name(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth} px)`);
        continue;
      }
      if (hasText && !titled(el)) problems.push(`${name(el)} is cut off (${el.scrollWidth} px of text in ${el.clientWidth} px) with no title`);
    }
    return problems;
  }, allowScroll);
}

/**
 * Chinese words followed by an ASCII colon ("实测: 0"), as a label joined to its value in code
 * reads in 简体中文: Chinese text takes the full-width "：". The innermost visible elements whose
 * text has one. `skip` as for englishOnScreen (data: an instructor's own text).
 */
export async function asciiColonsAfterChinese(page: Page, skip: readonly string[] = []): Promise<string[]> {
  return page.evaluate((skip) => {
    const pattern = /\p{Script=Han}[:;] ?/u;
    const skipped = ['kbd, code, textarea, script, style, option', ...skip].join(', ');
    const hits = [...document.querySelectorAll('body *')].filter((el) => !el.closest(skipped) && pattern.test(el.textContent ?? '') && el.checkVisibility({ visibilityProperty: true, opacityProperty: true }));
    return hits.filter((el) => !hits.some((other) => other !== el && el.contains(other))).map((el) => (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80));
  }, skip);
}

/** Lesson Markdown shown as raw text: `ws-2` with its backticks, **Run** with its asterisks. */
export async function rawMarkdown(page: Page, skip: readonly string[] = []): Promise<string[]> {
  return page.evaluate((skip) => {
    const skipped = ['code, textarea, script, style, option, kbd', ...skip].join(', ');
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent ?? '';
      if (!el || el.closest(skipped) || !/`[^`\n]+`|\*\*[^*\n]+\*\*/.test(text)) continue;
      if (el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) out.push(text.trim().slice(0, 80));
    }
    return out;
  }, skip);
}
