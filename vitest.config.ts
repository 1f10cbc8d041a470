import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Integration tests each start a private PM2 daemon; two cores do not want more than two at once.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CI=true (as CI sets it) makes Ink render nothing until unmount; the components under test are the ones that
    // run on a real terminal, where the CLI's bundle ignores CI (scripts/build.mjs).
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
  },
});
