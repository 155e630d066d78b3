import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // 2 cores: emulator-backed files start Java; two at a time is the most this machine likes.
    maxWorkers: 2,
    testTimeout: 30_000,
    // The local systems tests start share one synthesized template per run.
    globalSetup: ['test/support/template-cache.ts'],
    // A file's local system starts in ~25 s on an idle machine; two starting side by side under load take longer.
    hookTimeout: 150_000,
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    env: { POWERTOOLS_LOG_LEVEL: 'ERROR', AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
