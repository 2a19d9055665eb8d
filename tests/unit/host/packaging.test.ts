// The packaging configuration (electron-builder.json) and its afterPack hook. Packaging itself
// cannot run here (no Electron download), so this checks what can be checked: the builder's own
// schema accepts the config, the file list ships the build and not the sources, and the hook
// flips exactly the fuses the security checklist asks for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BUILTIN_PACK_ID } from '../../../src/shared/lesson';

const root = path.resolve(__dirname, '..', '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const config = JSON.parse(readFileSync(path.join(root, 'electron-builder.json'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  extraResources: { from: string; to: string }[];
  fileAssociations: { ext: string }[];
  afterPack: string;
};
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, logger: unknown): Promise<void> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, expand: (s: string) => string, patterns: string[]) => { createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean };
};
const { FuseV1Options, FuseVersion } = require('@electron/fuses') as { FuseV1Options: Record<string, number>; FuseVersion: Record<string, string> };
const afterPack = require(path.join(root, config.afterPack)) as {
  applyFuses(context: unknown, flip: (file: string, config: Record<string | number, unknown>) => Promise<unknown>): Promise<void>;
};

describe('packaging configuration', () => {
  it("passes electron-builder's own schema validation (and that validation does refuse a bad config)", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, afterPackk: 'x' }, new DebugLogger(false))).rejects.toThrow(/unknown property 'afterPackk'/);
  });

  it('builds AppImage + deb, NSIS and dmg with the app id and the icon in assets/', () => {
    expect(config).toMatchObject({
      appId: 'org.statelab.desktop',
      productName: 'StateLab',
      linux: { target: ['AppImage', 'deb'], icon: 'assets/icon.png' },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
    const png = readFileSync(path.join(root, 'assets', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('ships the build and package.json, never sources, tests or source maps; the lesson pack goes as an extra resource', () => {
    const filter = new FileMatcher(root, '/app', (s) => s, config.files).createFilter();
    const file = { isDirectory: () => false };
    const folder = { isDirectory: () => true };
    const included = (rel: string, stat = file) => filter(path.join(root, rel), stat);
    for (const rel of ['out/main/index.js', 'out/main/simWorker.js', 'out/preload/index.js', 'out/renderer/index.html', 'out/renderer/assets/index.js', 'package.json']) expect(included(rel), rel).toBe(true);
    for (const rel of ['src/main/index.ts', 'tests/unit/host/packaging.test.ts', 'bench/run.ts', 'scripts/start.mjs', 'out/main/index.js.map', 'tsconfig.json', `lessons/${BUILTIN_PACK_ID}/pack.json`]) {
      expect(included(rel), rel).toBe(false);
    }
    for (const rel of ['src', 'tests', 'bench']) expect(included(rel, folder), rel).toBe(false);
    // The built-in pack (its id named once, in shared/lesson.ts) ships as an extra resource...
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: `lessons/${BUILTIN_PACK_ID}`, to: `lessons/${BUILTIN_PACK_ID}` }));
    // ...and the packaged entry reads it from there (process.resourcesPath/lessons/…).
    expect(readFileSync(path.join(root, 'src', 'main', 'index.ts'), 'utf8')).toMatch(/process\.resourcesPath.*'lessons', BUILTIN_PACK_ID\)/);
  });

  it('associates the three StateLab file kinds with the app', () => {
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(['statelab.json', 'statelab-pack.zip', 'statelab-submission.json']);
  });
});

describe('afterPack fuses', () => {
  const context = (electronPlatformName: string, arch: number) => ({
    appOutDir: '/build/linux-unpacked',
    electronPlatformName,
    arch,
    packager: { appInfo: { productFilename: 'StateLab' }, executableName: 'statelab' },
  });

  it('flips exactly the checklist fuses on the packaged executable', async () => {
    const flip = vi.fn(async () => undefined);
    await afterPack.applyFuses(context('linux', 1), flip);
    expect(flip).toHaveBeenCalledOnce();
    const [file, fuses] = flip.mock.calls[0] as unknown as [string, Record<string | number, unknown>];
    expect(file).toBe(path.join('/build/linux-unpacked', 'statelab'));
    expect(fuses).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode!]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable!]: false,
      [FuseV1Options.EnableNodeCliInspectArguments!]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]: true,
      [FuseV1Options.OnlyLoadAppFromAsar!]: true,
      [FuseV1Options.EnableCookieEncryption!]: true,
    });
  });

  it('finds the executable on Windows and macOS, and re-signs ad hoc on Apple silicon', async () => {
    const flip = vi.fn(async () => undefined);
    await afterPack.applyFuses(context('win32', 1), flip);
    await afterPack.applyFuses(context('darwin', 3), flip);
    const calls = flip.mock.calls as unknown as [string, Record<string, unknown>][];
    expect(calls[0]![0]).toBe(path.join('/build/linux-unpacked', 'StateLab.exe'));
    expect(calls[1]![0]).toBe(path.join('/build/linux-unpacked', 'StateLab.app'));
    expect(calls[1]![1].resetAdHocDarwinSignature).toBe(true);
  });
});
