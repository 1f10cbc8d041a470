// Builds dist/ with esbuild: the CLI as a split bundle (Ink and React inside, production mode: FACTS.md measured
// half the time to first frame), the two MCP servers as split bundles (entry + chunks loaded after listening).
// Type checking is `npm run typecheck` (tsc --noEmit); esbuild only strips types.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
rmSync(out, { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS code that calls require() needs one in an ES module.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

// Ink imports react-devtools-core (not installed) from a module it loads only when DEV=true; bundled as ESM that
// import would be hoisted and fail at start-up, so it resolves to an empty module instead.
const noReactDevtools = {
  name: 'no-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {};' }));
  },
};

// Ink turns itself non-interactive (no frames until exit) whenever a CI variable is set, even on a real terminal.
// The CLI decides that itself: interactive mode runs only with a TTY and raw mode (src/cli/can-run-interactive.ts).
const interactiveDespiteCi = {
  name: 'interactive-despite-ci',
  setup(b) {
    b.onResolve({ filter: /^is-in-ci$/ }, () => ({ path: 'is-in-ci', namespace: 'not-in-ci' }));
    b.onLoad({ filter: /.*/, namespace: 'not-in-ci' }, () => ({ contents: 'export default false;' }));
  },
};

// Faster equivalents of what Ink spends each frame on (a CPU profile under a log flood: two thirds of the monitor's
// time): every string-width import in the CLI bundle goes through cellWidth's ASCII fast path and cache, and Ink's
// ansi-tokenize through a version that skips segmenting ASCII and re-tokenizing unchanged lines. Only the alias
// modules themselves (and cell-width.ts) get the real packages.
const inkHotPathAliases = {
  name: 'ink-hot-path-aliases',
  setup(b) {
    const aliases = {
      'string-width': join(root, 'src/tui/format/string-width-alias.ts'),
      '@alcalzone/ansi-tokenize': join(root, 'src/tui/terminal/ansi-tokenize-alias.ts'),
    };
    const real = new Set([join(root, 'src/tui/format/cell-width.ts'), ...Object.values(aliases)]);
    b.onResolve({ filter: /^(string-width|@alcalzone\/ansi-tokenize)$/ }, (args) =>
      real.has(args.importer) ? undefined : { path: aliases[args.path] },
    );
  },
};

// Yoga's emscripten loader fetch()es its embedded wasm (a data: URI) when a global fetch exists: on Node that loads
// undici first, ~50 ms of start-up and a few MB for nothing. Without fetch it decodes the same bytes directly.
const FETCH_TEST = '"function"!=typeof fetch';
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // A yoga-layout that no longer has this test would silently load undici again: fail instead (ink is pinned).
      if (!source.includes(FETCH_TEST)) throw new Error(`yoga-without-fetch: "${FETCH_TEST}" not found in ${args.path}`);
      return { contents: source.replaceAll(FETCH_TEST, '!0'), loader: 'js' };
    });
  },
};

// Two packages under Ink build an Intl.Segmenter when they load; the first one made costs ~25 ms (ICU's break data)
// before the first frame, whose text (ASCII, kana, kanji, box drawing, colour codes) needs none. Ink's tokenizer
// (@alcalzone/ansi-tokenize, every line of every frame) gets src/tui/format/graphemes.ts instead, the same
// graphemes split without a segmenter where they are simple (test/tui/format/cell-width-simple.test.ts);
// slice-ansi (which also asks its segments `containing()`) makes its own at first use.
const graphemesModule = join(root, 'src/tui/format/graphemes.ts');
const LAZY_SEGMENTER = 'function __lazySegmenter(...a) { let s = null; return { segment: (t) => (s ??= new Intl.Segmenter(...a)).segment(t) }; }\n';
const SEGMENTER_SOURCES = /(slice-ansi[\\/]tokenize-ansi|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize)\.js$/;
const noSegmenterAtLoad = {
  name: 'no-segmenter-at-load',
  setup(b) {
    b.onLoad({ filter: SEGMENTER_SOURCES }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const made = source.split('new Intl.Segmenter(').length - 1;
      // A version that builds it another way (or more than once) would silently pay at load again: fail instead.
      if (made !== 1) throw new Error(`no-segmenter-at-load: expected one "new Intl.Segmenter(" in ${args.path}, found ${made}`);
      if (args.path.includes('ansi-tokenize')) {
        const segmenter = 'new Intl.Segmenter(undefined, { granularity: "grapheme" })';
        // It only iterates { segment, index } of segmenter.segment(str): what graphemes() yields.
        if (!source.includes(segmenter) || source.split('segmenter.segment(').length !== 2 || /segmenter\.(?!segment\()/.test(source))
          throw new Error(`no-segmenter-at-load: ${args.path} uses its segmenter in a way graphemes() may not cover`);
        const contents = `import { graphemes as __graphemes } from ${JSON.stringify(graphemesModule)};\n${source.replace(segmenter, '{ segment: __graphemes }')}`;
        return { contents, loader: 'js' };
      }
      return { contents: LAZY_SEGMENTER + source.replace('new Intl.Segmenter(', '__lazySegmenter('), loader: 'js' };
    });
  },
};

// pm2 is CommonJS with dynamic requires and spawns its own files: it stays a package, all but the two axon modules
// the bridge talks to the daemon with (src/pm2-bridge/client.ts). Those are plain CommonJS with a few small packages
// (debug, amp, escape-string-regexp...): bundled, they cost one compile instead of resolving and loading some twenty
// files from node_modules before the first frame (~60 ms measured on a loaded machine).
// Their framing packages call the deprecated Buffer(): Node warns on stderr (over the monitor's screen) when that
// code is not under node_modules, as it is not once bundled (a checkout's dist/). Those calls become the Buffer.alloc
// and Buffer.from they mean; the build fails if one is left or the text changed (test/cli/dist-stderr.test.ts).
const BUNDLED_PM2 = new Set(['pm2/modules/pm2-axon/index.js', 'pm2/modules/pm2-axon-rpc/index.js']);
const BUFFER_CALLS = [
  [/amp[\\/]lib[\\/]encode\.js$/, [['new Buffer(len)', 'Buffer.alloc(len)']]],
  [/amp[\\/]lib[\\/]stream\.js$/, [['new Buffer(4)', 'Buffer.alloc(4)'], ['new Buffer([meta])', 'Buffer.from([meta])']]],
  [/amp-message[\\/]index\.js$/, [["new Buffer('s:' + arg)", "Buffer.from('s:' + arg)"], ["new Buffer('j:' + JSON.stringify(arg))", "Buffer.from('j:' + JSON.stringify(arg))"]]],
];
const pm2OutsideButAxon = {
  name: 'pm2-outside-but-axon',
  setup(b) {
    b.onResolve({ filter: /^pm2(\/|$)/ }, (args) => (BUNDLED_PM2.has(args.path) ? undefined : { path: args.path, external: true }));
    b.onLoad({ filter: /(amp[\\/]lib[\\/](encode|stream)|amp-message[\\/]index)\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      const [, calls] = BUFFER_CALLS.find(([file]) => file.test(args.path)) ?? [null, []];
      for (const [from, to] of calls) {
        if (!source.includes(from)) throw new Error(`pm2-outside-but-axon: "${from}" not found in ${args.path}`);
        source = source.replaceAll(from, to);
      }
      if (/(^|[^.\w])(new\s+)?Buffer\s*\(/m.test(source)) throw new Error(`pm2-outside-but-axon: a Buffer() call is left in ${args.path}`);
      return { contents: source, loader: 'js' };
    });
  },
};

// The servers: tx2 is required at run time only under PM2 and stays a package. Code splitting: the entry chunk holds
// only what listening and /health need; the SDK's transport, its zod schemas and the tools are chunks loaded after
// the port answers (src/servers/shared/sdk-kit.ts, the services' prepare()). Start CPU 270 -> 90 ms
// (bench/servers.mjs).
const serverOptions = (dir) => ({
  external: ['tx2'],
  splitting: true,
  outdir: dir,
  chunkNames: 'chunks/[name]-[hash]',
});

const entries = [
  {
    // dist/cli.js is a small entry that sets a V8 flag before loading the rest (src/cli-entry.ts); the rest is split
    // into chunks beside it (in dist/ itself: cli.tsx reads ../package.json), so --once, --json and doctor load
    // neither Ink nor React.
    in: 'src/cli-entry.ts',
    options: {
      splitting: true,
      outdir: 'dist',
      entryNames: 'cli',
      chunkNames: '[name]-[hash]',
      plugins: [pm2OutsideButAxon, noReactDevtools, interactiveDespiteCi, inkHotPathAliases, yogaWithoutFetch, noSegmenterAtLoad],
      define: { 'process.env.NODE_ENV': '"production"' },
      banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
    },
  },
  // The servers are bundled with their packages: a few files to load instead of hundreds to resolve cuts the start
  // (bench/servers.mjs). Split into chunks, so they name an outdir (index.js in it) and no `out`.
  { in: 'src/servers/notion/index.ts', options: serverOptions('dist/servers/notion') },
  { in: 'src/servers/google-calendar/index.ts', options: serverOptions('dist/servers/google-calendar') },
  { in: 'src/servers/google-calendar/authorize.ts', out: 'dist/servers/google-calendar/authorize.js', options: { packages: 'external' } },
];

const missing = entries.filter((entry) => !existsSync(join(root, entry.in))).map((entry) => entry.in);
if (missing.length > 0) {
  console.error(`build: missing entry point(s): ${missing.join(', ')}`);
  process.exit(1);
}
for (const entry of entries) {
  await build({ ...common, ...entry.options, entryPoints: [entry.in], outfile: entry.out });
}
