/**
 * The test files that replace a module (vi.mock, vi.doMock) or a global (vi.stubGlobal, vi.stubEnv)
 * for the whole file: vitest.config.mts runs each in a fresh module graph of its own (the "isolated"
 * project). Every other file runs in a worker that keeps the modules it has loaded for the next file
 * (the "shared" project, `isolate: false`), where such a replacement would outlive its file.
 * tests/unit/architecture/testIsolation.test.ts holds this list to the files that need it.
 */
export const ISOLATED_FILES = ['tests/unit/host/electronMain.test.ts', 'tests/unit/host/atomicWrite.test.ts', 'tests/unit/bridge/webBridge.test.ts'];

/** What makes a file one of ISOLATED_FILES: a call that replaces a module or a global for the file. */
export const REPLACES_MODULE_OR_GLOBAL = /\bvi\s*\.\s*(mock|doMock|unmock|doUnmock|stubGlobal|stubEnv|resetModules)\s*\(/;
