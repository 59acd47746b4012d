// Loaded before Eleventy: every render here is a fresh Eleventy instance on a config that does not change while the
// process runs, so Eleventy's ESM cache-busting resolver (on Node 20 a loader-hooks worker thread through which every
// later import is resolved) buys nothing and costs about 0.1 s of CPU a process. Left alone when the caller set it.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
export {};
