/**
 * Writes the bundle of `entry` and its job workers into `outdir` (both paths from `root`, the
 * repository root, by default the current folder); resolves to the bundle's absolute path.
 */
export function bundleEntry(entry: string, outdir: string, root?: string): Promise<string>;
