// The publish lock: a live holder is refused; a dead one, a zombie's or a reused pid's lock is taken over, by one
// racer only.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { holderRuns, processInfo, takeLock } from "../../../src/publish/lock.ts";
import { repo, tempDir } from "../../helpers/build.ts";

const lockFile = () => path.join(tempDir("lock"), "publish.lock");
const record = (pid: number, start: string | null) => JSON.stringify({ pid, start, nonce: `n${pid}-${start}` });

describe("takeLock", () => {
  it("refuses while a live process holds it, naming the process, and releases cleanly", () => {
    const file = lockFile();
    const unlock = takeLock(file);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({
      pid: process.pid,
      start: processInfo(process.pid)!.start,
    });
    expect(() => takeLock(file)).toThrow(`another publish (process ${process.pid}) is running: wait for it to finish`);
    unlock();
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it("takes over a lock naming a live but unrelated process (the pid was reused)", async () => {
    const other = spawn("sleep", ["30"]);
    try {
      const info = processInfo(other.pid!)!;
      expect(info).not.toBeNull();
      const file = lockFile();
      // Same pid, another start time: the publish that wrote this lock ran before a reboot.
      fs.writeFileSync(file, record(other.pid!, String(Number(info.start) + 12345)));
      expect(holderRuns(JSON.parse(fs.readFileSync(file, "utf8")))).toBe(false);
      takeLock(file)();
      // And the same pid with its real start time is a live holder.
      fs.writeFileSync(file, record(other.pid!, info.start));
      expect(() => takeLock(file)).toThrow(`another publish (process ${other.pid}) is running`);
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("takes over a zombie's lock (killed, not yet reaped by its parent)", () => {
    // Perl (Debian's perl-base) forks a child, kills it with SIGKILL and, without reaping it (a shell would), prints
    // its pid, its state and its start time from /proc.
    const script = `my $p = fork; if (!$p) { sleep 30; exit } kill 9, $p; select(undef, undef, undef, 0.3); $| = 1;
      open(my $f, "<", "/proc/$p/stat"); my $s = <$f>; $s =~ s/.*\\) //; my @a = split / /, $s; print "$p\\n$a[0] $a[19]\\n"; sleep 5`;
    const shell = spawn("perl", ["-e", script]);
    return new Promise<void>((resolve, reject) => {
      let out = "";
      shell.on("exit", () => reject(new Error(`perl ended before printing the zombie: ${out}`)));
      shell.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const lines = out.trim().split("\n");
        if (lines.length < 2) return;
        try {
          const pid = Number(lines[0]);
          const [state, start] = lines[1].split(" ");
          expect(state).toBe("Z");
          const file = lockFile();
          fs.writeFileSync(file, record(pid, start));
          takeLock(file)();
          resolve();
        } catch (err) {
          reject(err);
        } finally {
          shell.kill("SIGKILL");
        }
      });
    });
  });

  it("waits out a reaper killed a moment ago (its claim is fresh) instead of giving up on a lock that changes hands", () => {
    const file = lockFile();
    const stale = record(999_999_999, "1");
    fs.writeFileSync(file, stale);
    // The claim a reaper makes before removing the stale lock (see reap in lock.ts), left by one killed just now.
    const claim = `${file}.reap-${JSON.parse(stale).nonce}`;
    fs.writeFileSync(claim, stale);
    const claimed = fs.statSync(claim).ctimeMs;
    // A clock that moves half a second each time the lock reads it: the claim ages without anyone waiting for it.
    let clock = claimed;
    const unlock = takeLock(file, "publish", () => (clock += 500));
    // Taken only once the claim counted as abandoned (10 s), not refused at a deadline no longer than that.
    expect(clock - claimed).toBeGreaterThan(10_000);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ pid: process.pid });
    unlock();
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it("gives up at its deadline, naming the files to delete", () => {
    const file = lockFile();
    const stale = record(999_999_999, "1");
    fs.writeFileSync(file, stale);
    fs.writeFileSync(`${file}.reap-${JSON.parse(stale).nonce}`, stale);
    // A clock that is past the 30 s deadline from its second reading on.
    let reads = 0;
    const start = Date.now();
    expect(() => takeLock(file, "publish", () => start + (reads++ === 0 ? 0 : 31_000))).toThrow(
      `cannot take the publish lock ${file}: it kept changing hands for 30 s`,
    );
  });

  it("lets exactly one of several racing publishers take over a stale lock", async () => {
    const file = lockFile();
    // The source itself, through tsx (a dependency), so the racers run this lock.ts and not a stale dist/ copy.
    const module = pathToFileURL(path.join(repo, "src/publish/lock.ts")).href;
    for (let trial = 0; trial < 3; trial++) {
      // Each racer waits for the same moment (this trial's; blocked, not spinning on the shared cores), then tries, and prints what happened; one that took the
      // lock holds it until it is killed, so a racer the busy machine starts late still meets a live holder.
      const at = Date.now() + 1500;
      const racer = `const { takeLock } = await import(${JSON.stringify(module)});
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ${at} - Date.now()));
        try { takeLock(${JSON.stringify(file)}); console.log("took"); setInterval(() => {}, 1000); }
        catch (e) { console.log(e.message.includes("is running") ? "refused" : "failed: " + e.message); }`;
      fs.writeFileSync(file, record(999_999_999, "1"));
      const children = Array.from({ length: 6 }, () =>
        spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", racer], { cwd: repo }),
      );
      try {
        const results = await Promise.all(
          children.map(
            (child) =>
              new Promise<string>((resolve) => {
                let out = "";
                const done = () => resolve(out.trim());
                child.stdout.on("data", (c: Buffer) => {
                  out += c.toString();
                  if (out.includes("\n")) done();
                });
                child.stderr.on("data", (c: Buffer) => (out += c.toString()));
                child.on("exit", done);
              }),
          ),
        );
        expect(
          results.filter((r) => r === "took"),
          results.join("\n"),
        ).toHaveLength(1);
        expect(results.filter((r) => r === "refused")).toHaveLength(5);
      } finally {
        for (const child of children) child.kill("SIGKILL");
      }
      fs.rmSync(file, { force: true });
    }
  }, 60_000);
});
