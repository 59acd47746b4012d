// The postings of a segment (one edition's, or a year's) and their bucket files: terms hashed into a fixed number
// of buckets, each bucket one file holding its terms' postings, so a query fetches one small file per term. The
// layout is read by src/client/search-core.js (bucketTerms, readPostings).
import fs from "node:fs";
import path from "node:path";
import { bucketOf, bucketTerms, Varints } from "../client/search-core.js";

/** A growable byte buffer of unsigned LEB128 numbers. */
export class VarintWriter {
  private bytes = new Uint8Array(256);
  length = 0;

  push(value: number): void {
    if (this.length + 10 > this.bytes.length) this.grow(this.length + 10);
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    this.bytes[this.length++] = v;
  }

  pushBytes(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.bytes.length) this.grow(this.length + bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  done(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(needed, this.bytes.length * 2));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

/**
 * One term's postings, built in ascending document order: documents are appended whole (`add`) or copied from
 * another segment's encoded postings (`copy`, the consolidation), never decoded into objects.
 */
export class TermPostings {
  readonly out = new VarintWriter();
  docs = 0;
  private lastDoc = 0;

  /** A document's occurrences of the term: their positions (ascending), or only their number. */
  add(doc: number, count: number, positions: number[] | null): void {
    this.out.push(doc - this.lastDoc);
    this.lastDoc = doc;
    this.docs++;
    this.out.push(count);
    let last = 0;
    for (const p of positions ?? []) {
      this.out.push(p - last);
      last = p;
    }
  }

  /** Appends encoded postings of another segment, its document ids moved up by `offset`. */
  copy(bytes: Uint8Array, range: [number, number], withPositions: boolean, offset: number): void {
    const read = new Varints(bytes, range[0]);
    const docs = read.next();
    let doc = 0;
    for (let i = 0; i < docs; i++) {
      doc += read.next();
      const count = read.next();
      const start = read.at;
      if (withPositions) for (let j = 0; j < count; j++) read.next();
      this.out.push(doc + offset - this.lastDoc);
      this.lastDoc = doc + offset;
      this.docs++;
      this.out.push(count);
      this.out.pushBytes(bytes.subarray(start, read.at));
    }
  }

  /** `docs` then the entries: the term's postings as readPostings reads them. */
  encoded(): Uint8Array {
    const head = new VarintWriter();
    head.push(this.docs);
    head.pushBytes(this.out.done());
    return head.done();
  }
}

/**
 * The bucket files of a segment: bucket k at `dir/b/k.bin`; every bucket is written, empty ones too, or only those
 * `only` names (a consolidation writes a year's buckets a share at a time). Returns the bytes written.
 */
export function writeBuckets(
  dir: string,
  terms: Map<string, TermPostings>,
  buckets: number,
  only: (k: number) => boolean = () => true,
): number {
  const byBucket: [string, TermPostings][][] = Array.from({ length: buckets }, () => []);
  for (const entry of terms) byBucket[bucketOf(entry[0], buckets)].push(entry);
  fs.mkdirSync(path.join(dir, "b"), { recursive: true });
  let bytes = 0;
  byBucket.forEach((entries, k) => {
    if (!only(k)) return;
    const file = encodeBucket(entries);
    fs.writeFileSync(path.join(dir, "b", `${k}.bin`), file);
    bytes += file.length;
  });
  return bytes;
}

/** Terms sorted, so two builds of the same postings write the same bytes. */
function encodeBucket(entries: [string, TermPostings][]): Uint8Array {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const encoder = new TextEncoder();
  const head = new VarintWriter();
  const body = new VarintWriter();
  head.push(entries.length);
  for (const [term, postings] of entries) {
    const name = encoder.encode(term);
    const encoded = postings.encoded();
    head.push(name.length);
    head.pushBytes(name);
    head.push(encoded.length);
    body.pushBytes(encoded);
  }
  head.pushBytes(body.done());
  return head.done();
}

/** Reads bucket `k` of a segment folder: its bytes and where each term's postings are. */
export function readBucket(dir: string, k: number): { bytes: Uint8Array; terms: Map<string, [number, number]> } {
  const bytes = new Uint8Array(fs.readFileSync(path.join(dir, "b", `${k}.bin`)));
  return { bytes, terms: bucketTerms(bytes) };
}
