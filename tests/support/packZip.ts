// Zips a pack folder in memory, optionally under another id and title: an instructor's hand-out.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';

export const BUILTIN_PACK_DIR = path.resolve(__dirname, '../../lessons/stateless-vs-stateful');

export function zipPackFolder(dir: string, manifestChanges: Record<string, unknown> = {}): Buffer {
  const files: Record<string, Uint8Array> = {};
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = new Uint8Array(readFileSync(full));
    }
  };
  walk(dir, '');
  const manifest = JSON.parse(Buffer.from(files['pack.json']!).toString('utf8'));
  files['pack.json'] = strToU8(JSON.stringify({ ...manifest, ...manifestChanges }));
  return Buffer.from(zipSync(files));
}
