// The content-addressed derivative cache: hits, atomic entries, pruning of what a build no longer uses.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DerivativeCache } from "../../../src/images/cache.ts";
import { hashBytes } from "../../../src/util/cache.ts";
import { removeScratch, scratchDir } from "./helpers.ts";

afterAll(removeScratch);

async function put(cache: DerivativeCache, key: string): Promise<void> {
  await cache.get(key, async (dir) => {
    fs.writeFileSync(path.join(dir, "a.jpg"), key);
    return { file: "a.jpg" };
  });
}

describe("hashBytes", () => {
  it("keys by every part, in order, with parts kept apart", () => {
    expect(hashBytes("page", Buffer.from("x"))).toBe(hashBytes("page", Buffer.from("x")));
    expect(hashBytes("page", Buffer.from("x"))).not.toBe(hashBytes("page", Buffer.from("y")));
    expect(hashBytes("ab", "c")).not.toBe(hashBytes("a", "bc"));
    expect(hashBytes("a")).toMatch(/^[0-9a-f]{20}$/);
  });
});

describe("DerivativeCache", () => {
  it("makes an entry once; a second cache over the same folder finds it", async () => {
    const dir = scratchDir("cache");
    const first = new DerivativeCache(dir);
    let made = 0;
    const make = async (d: string) => {
      made++;
      fs.writeFileSync(path.join(d, "a.jpg"), "bytes");
      return { file: "a.jpg" };
    };
    const entry = await first.get("k1", make);
    expect(entry.manifest).toEqual({ file: "a.jpg" });
    expect(fs.readFileSync(path.join(entry.dir, "a.jpg"), "utf8")).toBe("bytes");
    const second = new DerivativeCache(dir);
    expect((await second.get("k1", make)).manifest).toEqual({ file: "a.jpg" });
    expect(made).toBe(1);
    expect([first.encoded, first.hits, second.encoded, second.hits]).toEqual([1, 0, 0, 1]);
  });

  it("leaves nothing behind when making an entry fails, and tries again next time", async () => {
    const dir = scratchDir("cache-fail");
    const cache = new DerivativeCache(dir);
    await expect(
      cache.get("k1", async () => {
        throw new Error("encoder crashed");
      }),
    ).rejects.toThrow("encoder crashed");
    expect(fs.readdirSync(dir)).toEqual([]);
    await put(cache, "k1");
    expect(fs.readdirSync(dir)).toEqual(["k1"]);
  });

  it("remakes an entry that has no manifest (a build killed half-way)", async () => {
    const dir = scratchDir("cache-half");
    fs.mkdirSync(path.join(dir, "k1"));
    fs.writeFileSync(path.join(dir, "k1", "a.jpg"), "half");
    const cache = new DerivativeCache(dir);
    await put(cache, "k1");
    expect(cache.encoded).toBe(1);
    expect(fs.readFileSync(path.join(dir, "k1", "a.jpg"), "utf8")).toBe("k1");
  });

  it("prune removes the entries this run did not use, and leftovers of killed builds, and keeps the rest", async () => {
    const dir = scratchDir("cache-prune");
    const old = new DerivativeCache(dir);
    for (const key of ["page-a", "page-b", "clip-b", "figure"]) await put(old, key);
    fs.mkdirSync(path.join(dir, "page-c.tmp-123-abcd"));

    const next = new DerivativeCache(dir);
    await put(next, "page-a");
    await put(next, "page-b2");
    next.keep("figure");
    expect(next.prune()).toBe(3);
    expect(fs.readdirSync(dir).sort()).toEqual(["figure", "page-a", "page-b2"]);
    expect(fs.existsSync(path.join(dir, "page-a", "manifest.json"))).toBe(true);
    // Nothing stale is left, so a second prune removes nothing.
    expect(next.prune()).toBe(0);
  });
});

describe("sourceKey", () => {
  it("is hashBytes of the parts and the file's bytes, read once; an unchanged file is not read again, a changed one is", () => {
    const dir = scratchDir("source-keys");
    const cache = new DerivativeCache(path.join(dir, "cache"));
    const file = path.join(dir, "page.jpg");
    fs.writeFileSync(file, "scan one");
    let reads = 0;
    const read = () => (reads++, fs.readFileSync(file));
    const first = cache.sourceKey(file, ["page", "settings"], read);
    expect(first).toBe(hashBytes("page", "settings", Buffer.from("scan one")));
    expect(cache.sourceKey(file, ["page", "settings"], read)).toBe(first);
    expect(reads).toBe(1);
    // Other parts (other settings) are another key, worked out from the bytes.
    expect(cache.sourceKey(file, ["page", "other"], read)).toBe(hashBytes("page", "other", Buffer.from("scan one")));
    expect(reads).toBe(2);
    fs.writeFileSync(file, "scan two, longer");
    expect(cache.sourceKey(file, ["page", "settings"], read)).toBe(
      hashBytes("page", "settings", Buffer.from("scan two, longer")),
    );
    expect(reads).toBe(3);
    // A same-size file written over it with the old modification time (cp -p, touch -r) is still seen as changed.
    fs.utimesSync(file, 1_000_000_000, 1_000_000_000);
    expect(cache.sourceKey(file, ["page", "settings"], read)).toBe(
      hashBytes("page", "settings", Buffer.from("scan two, longer")),
    );
    expect(reads).toBe(4);
    fs.writeFileSync(file, "scan six, longer");
    fs.utimesSync(file, 1_000_000_000, 1_000_000_000);
    expect(cache.sourceKey(file, ["page", "settings"], read)).toBe(
      hashBytes("page", "settings", Buffer.from("scan six, longer")),
    );
    expect(reads).toBe(5);
  });
});
