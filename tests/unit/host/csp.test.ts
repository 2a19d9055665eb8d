// Parses the CSP of the built renderer, the one that actually ships.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BUILT = path.resolve(__dirname, '../../../out/renderer/index.html');

function cspOf(html: string): Map<string, string[]> {
  const match = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
  if (!match) throw new Error('The built index.html has no Content-Security-Policy meta tag.');
  return new Map(
    match[1]!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('built renderer CSP', () => {
  it('exists (run "npm run build" first)', () => {
    expect(existsSync(BUILT), `${BUILT} is missing; run "npm run build"`).toBe(true);
  });

  it('allows only our own scripts, no inline code, no eval, no remote hosts', () => {
    const csp = cspOf(readFileSync(BUILT, 'utf8'));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    for (const [directive, values] of csp) {
      for (const value of values) {
        expect(value, `${directive} allows ${value}`).not.toMatch(/unsafe-eval|^https?:|^\*$|^ws:|^wss:/);
        if (directive.startsWith('script')) expect(value).not.toMatch(/unsafe-inline/);
      }
    }
  });

  it('loads no script from outside the bundle', () => {
    const html = readFileSync(BUILT, 'utf8');
    const sources = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect(src).toMatch(/^\.?\/assets\//);
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>\s*\S/);
  });
});
