// Test runner settings: `npm test` runs every project; `npm run test:unit` the unit tests alone, in seconds.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Builds and Chromium are heavy; two cores are shared between files.
    maxWorkers: 2,
    // The fixture sites most files read are built once a run, shared by every project (tests/helpers/fixture-builds.ts).
    globalSetup: ["tests/helpers/fixture-builds-setup.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "integration", include: ["tests/integration/**/*.test.ts", "tests/bad-input/**/*.test.ts"] },
      },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"] } },
    ],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
