import { defineConfig } from 'vitest/config';

// Unit tests cover the pure modules in src/lib and need nothing from Astro's build.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // A few tests run the CLIs or parse whole fixture folders: on a busy 2-core machine they need more than 5 s.
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-reports/unit.json' },
  },
});
