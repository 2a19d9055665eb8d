/** Polls `condition` every 20 ms until it holds; throws after `ms` (for host and worker tests). */
export async function waitFor(condition: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
