import { defineConfig } from 'vitest/config';

// Unit tests cover the pure modules in src/lib and need nothing from Astro's build.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-reports/unit.json' },
  },
});
