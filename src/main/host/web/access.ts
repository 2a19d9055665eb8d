// Who may use the browser host: the per-launch bridge key, and the headers every page is served with.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a bridge key looks like: URL-safe, long enough not to be guessed. */
export const BRIDGE_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** A fresh key for one launch of the browser host: 256 random bits. */
export function mintBridgeKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares a presented key with the launch's key in constant time (hashing first makes the lengths equal). */
export function keyMatches(expected: string, presented: string | null): boolean {
  if (presented === null) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(presented));
}

/** Used when the served index.html carries no CSP of its own: nothing may load. */
const FALLBACK_CSP = "default-src 'none'";

/**
 * The renderer's own CSP (the meta tag of the built index.html, so it is written down once) plus
 * what only a header can say: no page may frame ours.
 */
export function contentSecurityPolicy(indexHtml: string | undefined): string {
  const meta = indexHtml?.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i)?.[1];
  const directives = (meta ?? FALLBACK_CSP)
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !d.startsWith('frame-ancestors'));
  return [...directives, "frame-ancestors 'none'"].join('; ');
}

/** Sent with every response of the browser host. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // The page's address carries the bridge key; never hand it to another site.
    'Referrer-Policy': 'no-referrer',
  };
}
