// Lint enforces the import directions of DESIGN.md §1, so the layering holds by rule, not by hope.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'crypto', 'url', 'zlib', 'stream', 'events', 'util'];
const ELECTRON = ['electron', 'electron/*'];
const RENDERER = ['**/renderer/**', '**/renderer'];
const MAIN = ['**/main/**', '**/main', '**/preload/**', '**/preload'];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'lessons/schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Pure cores: no Electron, no Node built-ins, no DOM, nothing above them.
    files: ['src/main/sim/**/*.ts', 'src/main/grading/**/*.ts', 'src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict([...ELECTRON, ...NODE_BUILTINS, ...RENDERER, '**/host/**', '**/packs/**', '**/preload/**'], 'sim, grading and shared are pure TypeScript: import only from src/shared (and sim from grading).'),
  },
  {
    // shared is imported by every runtime, so it imports none of them (tables, schemas and the
    // metric reader live here; main's layers read them, never the other way round).
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict([...ELECTRON, ...NODE_BUILTINS, ...RENDERER, ...MAIN], 'src/shared is imported by main, preload and the renderer alike: it imports nothing above it.'),
  },
  {
    // The simulator runs a scenario and records counters; grading reads a finished run. Grading may
    // import the simulator (to run a lesson), never the reverse.
    files: ['src/main/sim/**/*.ts'],
    rules: restrict([...ELECTRON, ...NODE_BUILTINS, ...RENDERER, '**/host/**', '**/packs/**', '**/preload/**', '**/grading/**', '**/grading'], 'The simulator imports only src/shared: not grading, packs, host, Node or Electron.'),
  },
  {
    // The simulator must be deterministic: time and chance come only from its context.
    files: ['src/main/sim/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use ctx.rng: the simulator is deterministic.' },
        { object: 'Date', property: 'now', message: 'Use ctx.now: the simulator reads no wall clock.' },
        { object: 'performance', property: 'now', message: 'Use ctx.now: the simulator reads no wall clock.' },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'Date', 'performance', 'window', 'document'],
    },
  },
  {
    // Packs use the file system but never Electron.
    files: ['src/main/packs/**/*.ts', 'src/main/host/**/*.ts', 'src/cli/**/*.ts'],
    rules: restrict([...ELECTRON, ...RENDERER], 'packs, host and the CLI run without Electron (browser host, CLI, tests): only src/main/index.ts and src/main/electron/ may import electron.'),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...restrict([...ELECTRON, ...NODE_BUILTINS, ...MAIN], 'The renderer talks to main only through window.statelab; import from src/shared only.'),
      // The browser host's bridge protocol is declared once, in src/shared/bridgeProtocol.ts.
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/^\\/bridge\\b/]', message: 'Use BRIDGE_PATH from src/shared/bridgeProtocol.ts: the bridge protocol is declared once.' },
        { selector: 'TemplateElement[value.raw=/\\/bridge\\b/]', message: 'Use BRIDGE_PATH from src/shared/bridgeProtocol.ts: the bridge protocol is declared once.' },
        { selector: ':matches(TSInterfaceDeclaration, TSTypeAliasDeclaration)[id.name=/^Bridge/]', message: 'Import the bridge message types from src/shared/bridgeProtocol.ts instead of re-declaring them.' },
        // A notice the student reads is a t() key, not an English sentence (no-literal-string only sees JSX).
        { selector: 'CallExpression[callee.name="say"] > :matches(Literal[value=/[a-z]/i], TemplateLiteral).arguments:first-child', message: 'say() shows a notice to the student: pass t(key), not a literal sentence.' },
      ],
    },
  },
  {
    // Every word the student sees goes through t() (src/renderer/src/i18n): a literal in JSX text or
    // in a visible attribute is an untranslated word. Allowed: the brand, symbols, units, key names.
    files: ['src/renderer/src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['title', 'aria-label', 'ariaLabel', 'label', 'placeholder', 'alt', 'message', 'confirm'] },
          words: { exclude: ['[0-9!-/:-@[-`{-~\\s]+', '[A-Z_-]+', '^\\p{Emoji}+$', 'StateLab', '[▶✕✓✗•—·×⤢▣«»…←→\\s]+', '\\s*(ms|s|req/s|%)\\s*'] },
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([...RENDERER, '**/main/**'], 'The preload exposes the shared IPC contract only.'),
  },
  {
    // Nothing outside the renderer imports it.
    files: ['src/main/**/*.ts', 'src/shared/**/*.ts', 'src/preload/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/main/sim/**', 'src/main/grading/**', 'src/shared/**', 'src/main/packs/**', 'src/main/host/**', 'src/cli/**'],
    rules: restrict(RENDERER, 'Nothing imports the renderer.'),
  },
);
