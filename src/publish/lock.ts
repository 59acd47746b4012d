// The publish lock: one publish at a time, and a lock that cannot outlive its holder or be taken over twice.
//
// The lock file names its holder by pid and the process's start time (/proc/<pid>/stat, field 22), so a pid that
// is dead, a zombie not yet reaped, or reused by another program after a reboot does not count as the holder.
// Taking the lock is link(2) of a complete record to the lock's name, which fails when the name exists: never two
// holders, never a half-written lock. A stale lock is taken over in two steps that only one process can win:
// link the stale file to a name made of its own nonce (`<lock>.reap-<nonce>`, exclusive like the lock), check that
// the file linked is still the stale one, and only then unlink the lock and race for it again like anyone else.
// A stale lock's file can only be removed by its one reaper, so a racer that read the stale lock late never
// removes a live holder's lock.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface LockRecord {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22); null where there is no /proc */
  start: string | null;
  nonce: string;
}

/** A reaper holds its claim for two system calls; a claim this old was left by a reaper that was killed. */
const abandonedClaimMs = 10_000;

/** How long taking the lock may go on: longer than a claim takes to count as abandoned, so a reaper killed a
 * moment ago is waited out (its claim then removed) rather than reported as a lock that keeps changing hands. */
const takeDeadlineMs = 3 * abandonedClaimMs;

/** Start time and state of a process from /proc, or null when it does not run (or there is no /proc). */
export function processInfo(pid: number): { start: string; state: string } | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces or ")": fields are counted after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0], start: fields[19] };
}

/** Whether the process the record names still runs: same pid, same start time, not a zombie. */
export function holderRuns(record: LockRecord): boolean {
  if (!Number.isInteger(record.pid) || record.pid <= 0) return false;
  if (fs.existsSync("/proc/self/stat")) {
    const info = processInfo(record.pid);
    return info !== null && info.state !== "Z" && info.state !== "X" && info.start === record.start;
  }
  try {
    process.kill(record.pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, under another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readRecord(file: string): LockRecord | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  try {
    const record = JSON.parse(text) as LockRecord;
    if (typeof record.pid === "number" && typeof record.nonce === "string") return record;
  } catch {
    // A lock from before records were JSON (a bare pid) or garbage: nobody can be proven to hold it.
  }
  return {
    pid: Number(text.trim()) || 0,
    start: null,
    nonce: `legacy-${crypto.createHash("sha1").update(text).digest("hex").slice(0, 12)}`,
  };
}

/** The clock the lock reads, in milliseconds since the epoch (as file times are); tests pass one they move. */
export type LockClock = () => number;

/**
 * Takes the lock at `file` for this process, or throws naming the live holder. Returns the function that
 * releases it (only if it is still this process's lock).
 */
export function takeLock(file: string, what = "publish", now: LockClock = Date.now): () => void {
  const own: LockRecord = {
    pid: process.pid,
    start: processInfo(process.pid)?.start ?? null,
    nonce: crypto.randomBytes(8).toString("hex"),
  };
  const temp = `${file}.new-${own.nonce}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(temp, JSON.stringify(own));
  try {
    // Each round takes the lock, finds a live holder, or removes a stale lock (or waits a moment while another
    // process removes it): a few rounds, unless the machine is very busy.
    const until = now() + takeDeadlineMs;
    while (now() < until) {
      try {
        fs.linkSync(temp, file);
        return () => release(file, own);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const holder = readRecord(file);
      if (holder === null) continue;
      if (holderRuns(holder))
        throw new Error(`another ${what} (process ${holder.pid}) is running: wait for it to finish`);
      if (!reap(file, holder, now)) Atomics.wait(pause, 0, 0, 10);
    }
    throw new Error(
      `cannot take the ${what} lock ${file}: it kept changing hands for ${takeDeadlineMs / 1000} s: ` +
        `make sure no other ${what} is starting, then run this again (if none runs, delete ${file} and its ${path.basename(file)}.reap-* files)`,
    );
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** A synchronous pause while another process reaps (the lock is taken from synchronous code). */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Removes the stale lock `stale`, if this process is the one to do so (see the top of the file). Returns false
 * when another process is doing it.
 */
function reap(file: string, stale: LockRecord, now: LockClock): boolean {
  const claim = `${file}.reap-${stale.nonce}`;
  try {
    fs.linkSync(file, claim);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return true;
    if (code !== "EEXIST") throw err;
    // Another process is reaping this lock; its claim outlives it only if it was killed in between. (ctime: link(2)
    // sets it; the mtime is the stale lock's own.)
    const age = now() - (fs.statSync(claim, { throwIfNoEntry: false })?.ctimeMs ?? now());
    if (age > abandonedClaimMs) fs.rmSync(claim, { force: true });
    return false;
  }
  try {
    // The lock may have changed hands between reading it and linking it: then the file linked is a live lock.
    const linked = readRecord(claim);
    if (linked?.nonce === stale.nonce) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(claim, { force: true });
  }
  return true;
}

function release(file: string, own: LockRecord): void {
  // A lock taken over from this process (it was thought dead) is the new holder's: leave it.
  if (readRecord(file)?.nonce === own.nonce) fs.rmSync(file, { force: true });
}
