// npm run audit: Lighthouse on a built fixture site, run before a release and by the bench — never by npm test,
// whose shared 2-core machines move a performance score by several points between runs.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/audit/**/*.test.ts"],
    maxWorkers: 1,
    testTimeout: 400_000,
    hookTimeout: 300_000,
  },
});
