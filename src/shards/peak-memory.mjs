// Preloaded into a measured node process (node --import …/peak-memory.mjs): at exit it writes the process's
// peak resident memory and CPU time to the file named by BANMIAN_STATS_FILE. Plain JS so that it can measure
// any node command, Eleventy's own CLI included, without adding a TypeScript loader to it.
import fs from "node:fs";

const file = process.env.BANMIAN_STATS_FILE;
if (file) {
  // The measured process's own children must not overwrite its numbers.
  delete process.env.BANMIAN_STATS_FILE;
  process.on("exit", (code) => {
    const usage = process.resourceUsage();
    const stats = { code, maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 };
    fs.writeFileSync(file, JSON.stringify(stats));
  });
}
