/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its hooks with require() */
// electron-builder's afterPack hook: sets Electron's fuses on the packaged binary, so a school's
// copy cannot be turned into a general Node runtime or debugged through environment variables.
// The list is data (FUSES) so a test can check it without packaging anything.
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** Each fuse and its packaged setting. */
const FUSES = {
  // `ELECTRON_RUN_AS_NODE=1 StateLab script.js` would run any script with the app's privileges.
  RunAsNode: false,
  // NODE_OPTIONS (e.g. --require) could inject code at start.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect would open a debugger port into the main process.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash built into the binary, and nothing outside it is loaded.
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // Cookies and local storage on disk are encrypted with the OS keychain.
  EnableCookieEncryption: true,
};

/** The argument flipFuses receives: { version, [FuseV1Options.X]: setting, … }. */
function fuseConfig(platform, arch) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64' };
  for (const [name, setting] of Object.entries(FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`afterPack: @electron/fuses has no fuse named ${name}.`);
    config[FuseV1Options[name]] = setting;
  }
  return config;
}

/** The packaged Electron executable for electron-builder's afterPack context. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName);
}

/** electron-builder's Arch enum is numeric: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

async function applyFuses(context, flip = flipFuses) {
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : context.arch;
  await flip(executablePath(context), fuseConfig(context.electronPlatformName, arch));
}

module.exports = { default: (context) => applyFuses(context), applyFuses, fuseConfig, FUSES };
