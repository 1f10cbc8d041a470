import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NO_PM2 = {
  regex: '^pm2(/|$)',
  message: 'Only src/pm2-bridge talks to pm2 (its daemon link, with timeouts); use the bridge instead.',
};
const NO_SERVERS = {
  regex: '(^|/)servers/',
  message: 'The monitor and the MCP servers are separate programs: the monitor must not import src/servers.',
};
const NO_MONITOR = {
  regex: '(^|/)(pm2-bridge|tui|cli|doctor|i18n)(/|$)|(^|/)cli\\.js$',
  message: 'The MCP servers must not import the monitor (src/pm2-bridge, src/tui, src/cli, src/doctor, src/i18n).',
};
const BRIDGE_TYPES_ONLY = {
  regex: '(^|/)pm2-bridge/types\\.js$',
  allowTypeImports: true,
  message: 'The TUI imports only types from the bridge: use `import type` from pm2-bridge/types.js.',
};
const BRIDGE_NOTHING_ELSE = {
  regex: '(^|/)pm2-bridge/(?!types\\.js$)',
  message: 'The TUI sees the bridge only through pm2-bridge/types.js (type imports); data comes in as props.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'logs/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Node warns on stderr (over the monitor's screen) about Buffer() called outside node_modules, and checks the
      // caller's stack on each call until it has (scripts/build.mjs rewrites pm2's axon framing for the same reason).
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='Buffer'], NewExpression[callee.name='Buffer']", message: 'Buffer() is deprecated: use Buffer.from / Buffer.alloc.' },
      ],
    },
  },
  // The boundaries (README, 構成): only the bridge talks to pm2; the TUI sees the bridge only through its types;
  // the MCP servers and the monitor are separate programs that share no module. test/lint/boundaries.test.ts
  // proves each rule fires.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/pm2-bridge/**', 'src/servers/**', 'src/tui/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_PM2, NO_SERVERS] }] },
  },
  {
    files: ['src/pm2-bridge/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_SERVERS] }] },
  },
  {
    files: ['src/tui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_PM2, NO_SERVERS, BRIDGE_TYPES_ONLY, BRIDGE_NOTHING_ELSE] }],
    },
  },
  {
    files: ['src/servers/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_PM2, NO_MONITOR] }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Sample apps that PM2 runs are CommonJS on purpose (no build step, any Node).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
