// The postings of a segment (one edition's, or a year's) and their bucket files: terms hashed into a fixed number
// of buckets, each bucket two files (its terms' documents, and their positions apart, which only a phrase needs),
// so a query fetches one small file per term. Read by src/client/search-core.js (bucketTerms, readPostings).
import fs from "node:fs";
import path from "node:path";
import { bucketOf, bucketTerms, headlineReach, Varints, type TermRanges } from "../client/search-core.js";

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
 * One term's postings, built in ascending document order: its documents (each with its count, and whether it is
 * early in the text) and, for a positional term, their positions apart. Documents are appended whole (`add`) or
 * copied from another segment's encoded postings (`copy`, the consolidation: positions byte for byte).
 */
export class TermPostings {
  readonly docsOut = new VarintWriter();
  readonly positionsOut = new VarintWriter();
  docs = 0;
  private lastDoc = 0;

  /** A document's occurrences of the term: their positions (ascending), or only their number. */
  add(doc: number, count: number, positions: number[] | null): void {
    this.pushDoc(doc, count * 2 + (positions && positions[0] < headlineReach ? 1 : 0));
    let last = 0;
    for (const p of positions ?? []) {
      this.positionsOut.push(p - last);
      last = p;
    }
  }

  /** Appends another segment's postings of the term, their document ids moved up by `offset`. */
  copy(
    docs: Uint8Array,
    docsRange: [number, number],
    positions: Uint8Array,
    positionsRange: [number, number],
    offset: number,
  ): void {
    const read = new Varints(docs, docsRange[0]);
    const count = read.next();
    let doc = 0;
    for (let i = 0; i < count; i++) {
      doc += read.next();
      this.pushDoc(doc + offset, read.next());
    }
    this.positionsOut.pushBytes(positions.subarray(positionsRange[0], positionsRange[1]));
  }

  private pushDoc(doc: number, flagged: number): void {
    this.docsOut.push(doc - this.lastDoc);
    this.lastDoc = doc;
    this.docs++;
    this.docsOut.push(flagged);
  }

  /** The documents as readPostings reads them (`docs` first), and the positions as readPositions reads them. */
  encoded(): { docs: Uint8Array; positions: Uint8Array } {
    const head = new VarintWriter();
    head.push(this.docs);
    head.pushBytes(this.docsOut.done());
    return { docs: head.done(), positions: this.positionsOut.done() };
  }
}

/**
 * The bucket files of a segment: bucket k's documents at `dir/b/k.bin`, its positions at `dir/p/k.bin`; every
 * bucket is written, empty ones too, or only those `only` names (a consolidation writes a year's buckets a share
 * at a time). Returns the bytes written.
 */
export function writeBuckets(
  dir: string,
  terms: Map<string, TermPostings>,
  buckets: number,
  only: (k: number) => boolean = () => true,
): number {
  const byBucket: [string, TermPostings][][] = Array.from({ length: buckets }, () => []);
  for (const entry of terms) byBucket[bucketOf(entry[0], buckets)].push(entry);
  for (const folder of ["b", "p"]) fs.mkdirSync(path.join(dir, folder), { recursive: true });
  let bytes = 0;
  byBucket.forEach((entries, k) => {
    if (!only(k)) return;
    const file = encodeBucket(entries);
    fs.writeFileSync(path.join(dir, "b", `${k}.bin`), file.docs);
    fs.writeFileSync(path.join(dir, "p", `${k}.bin`), file.positions);
    bytes += file.docs.length + file.positions.length;
  });
  return bytes;
}

/** Terms sorted, so two builds of the same postings write the same bytes. */
function encodeBucket(entries: [string, TermPostings][]): { docs: Uint8Array; positions: Uint8Array } {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const encoder = new TextEncoder();
  const head = new VarintWriter();
  const body = new VarintWriter();
  const positions = new VarintWriter();
  head.push(entries.length);
  for (const [term, postings] of entries) {
    const name = encoder.encode(term);
    const encoded = postings.encoded();
    head.push(name.length);
    head.pushBytes(name);
    head.push(encoded.docs.length);
    head.push(encoded.positions.length);
    body.pushBytes(encoded.docs);
    positions.pushBytes(encoded.positions);
  }
  head.pushBytes(body.done());
  return { docs: head.done(), positions: positions.done() };
}

/** Reads bucket `k` of a segment folder: its two files and where each term's postings are in them. */
export function readBucket(
  dir: string,
  k: number,
): { docs: Uint8Array; positions: Uint8Array; terms: Map<string, TermRanges> } {
  const docs = new Uint8Array(fs.readFileSync(path.join(dir, "b", `${k}.bin`)));
  const positions = new Uint8Array(fs.readFileSync(path.join(dir, "p", `${k}.bin`)));
  return { docs, positions, terms: bucketTerms(docs) };
}
