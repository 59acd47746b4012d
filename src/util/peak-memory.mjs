// Preloaded into a measured node process (node --import …/peak-memory.mjs): at exit it writes the process's
// peak resident memory and CPU time to the file named by BANMIAN_STATS_FILE, and the peak memory and CPU time of
// the helper processes it started (image workers, a shard's children), which its own numbers do not include. Plain
// JS, so that it can measure any node command, Eleventy's own CLI included, without adding a TypeScript loader to it.
import fs from "node:fs";

const file = process.env.BANMIAN_STATS_FILE;
if (file) {
  // The measured process's own node children must not overwrite its numbers.
  delete process.env.BANMIAN_STATS_FILE;
  /** Peak resident memory (kB) of each direct child seen, by pid. Linux only: elsewhere it stays empty. */
  const helpers = new Map();
  const poll = () => {
    for (const pid of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, …
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (ppid !== process.pid) continue;
        const peak = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        if (peak) helpers.set(pid, Math.max(helpers.get(pid) ?? 0, Number(peak[1])));
      } catch {
        // The process ended between the listing and the reading: its last sample stands.
      }
    }
  };
  if (fs.existsSync("/proc/self/stat")) setInterval(poll, 500).unref();
  /** User + system seconds of the children that ended (cutime, cstime: fields 16–17 of /proc/self/stat) */
  const reapedChildrenCpu = () => {
    try {
      const stat = fs.readFileSync("/proc/self/stat", "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
      // Not Linux: helpers' time unknown, as their memory is.
      return null;
    }
  };
  process.on("exit", (code) => {
    const usage = process.resourceUsage();
    const helpersMaxRssKb = [...helpers.values()].reduce((sum, kb) => sum + kb, 0);
    const stats = {
      code,
      maxRssKb: usage.maxRSS,
      helpersMaxRssKb,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      helpersCpuSeconds: reapedChildrenCpu(),
    };
    fs.writeFileSync(file, JSON.stringify(stats));
  });
}
