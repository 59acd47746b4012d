// Test runner settings: unit, integration and browser tests all run under `npm test`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Builds and Chromium are heavy; two cores are shared between files.
    maxWorkers: 2,
  },
});
