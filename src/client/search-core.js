// The archive search's terms and postings, shared by the indexer (src/search, in Node) and the search page (in the
// browser), so that what is indexed and what is asked can never be cut into terms two ways.
//
// Terms: Han text as overlapping character bigrams (the CJK analyzer of Lucene and Elasticsearch) with their
// positions, plus each Han character alone without positions (for one-character queries); other letters and digits
// as lower-case words with positions. Positions are code-point offsets in the normalised text, so a phrase matches
// where its terms sit at the offsets they have in the query. Section and column are terms too (facetTerm).

/** @typedef {{ term: string, pos: number, lone?: boolean }} Occurrence */

const han = /\p{Script=Han}/u;
const runs = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** NFKC (full-width letters and digits to ASCII), lower case, runs of white space as one space. */
export function normalize(text) {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
}

/** Whether a term's postings carry positions: bigrams and words do, single Han characters and facets do not. */
export function positional(term) {
  return !(term.charCodeAt(0) === 1 || (term.length === 1 && han.test(term)));
}

/** A section's (版名) or column's (栏目) term: a control character first, so no text ever makes it. */
export function facetTerm(kind, name) {
  return "\u0001" + (kind === "section" ? "s" : "c") + normalize(name).trim();
}

/**
 * Every term of `text` with its position (the offset of its first code point in normalize(text)); single Han
 * characters come with position -1 (they are kept without positions), marked `lone` when their run is one
 * character long (no bigram holds them).
 * @param {string} text
 * @returns {Occurrence[]}
 */
export function occurrences(text) {
  const normal = normalize(text);
  /** @type {Occurrence[]} */
  const out = [];
  // Positions count code points, not UTF-16 units: a character outside the BMP counts once.
  let unit = 0;
  let point = 0;
  const pointAt = (index) => {
    for (; unit < index; point++) unit += normal.codePointAt(unit) > 0xffff ? 2 : 1;
    return point;
  };
  for (const m of normal.matchAll(runs)) {
    const start = pointAt(m.index);
    if (m[1]) {
      const run = Array.from(m[1]);
      for (let i = 0; i < run.length; i++) {
        out.push(run.length === 1 ? { term: run[i], pos: -1, lone: true } : { term: run[i], pos: -1 });
        if (i + 1 < run.length) out.push({ term: run[i] + run[i + 1], pos: start + i });
      }
    } else {
      out.push({ term: m[2].slice(0, 40), pos: start });
    }
  }
  return out;
}

/**
 * What a query word (or phrase) needs: its placed terms at their offsets from the first one (offset ≥ 0: side by
 * side, as in the query), and its lone Han characters anywhere (offset -1: a one-character run has no bigram).
 * Of a Han run's bigrams every other one is enough, and the last (档案, 测试, 试甲 for 档案测试甲): each character is
 * in one of them at its offset, so they match where the run does, with fewer files to fetch.
 * @param {string} word
 * @returns {{ term: string, offset: number }[]}
 */
export function queryTerms(word) {
  const found = occurrences(word);
  const placed = found.filter((o) => o.pos >= 0);
  const first = placed.length ? placed[0].pos : 0;
  const bigram = (o) => o && o.term.length === 2 && han.test(o.term[0]);
  const kept = placed.filter((o, i) => {
    if (!bigram(o)) return true;
    let start = i;
    while (start > 0 && bigram(placed[start - 1]) && placed[start - 1].pos === placed[start].pos - 1) start--;
    const last = !(bigram(placed[i + 1]) && placed[i + 1].pos === o.pos + 1);
    return (i - start) % 2 === 0 || last;
  });
  return [
    ...kept.map((o) => ({ term: o.term, offset: o.pos - first })),
    ...found.filter((o) => o.lone).map((o) => ({ term: o.term, offset: -1 })),
  ];
}

/** FNV-1a over the term's UTF-16 units: the bucket a term's postings are in is hash % buckets. */
export function termHash(term) {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The bucket file of `term` in a segment of `buckets` buckets (a power of two). */
export function bucketOf(term, buckets) {
  return termHash(term) & (buckets - 1);
}

/** A reader of unsigned LEB128 numbers. */
export class Varints {
  /** @param {Uint8Array} bytes @param {number} [at] */
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }
  next() {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.bytes[this.at++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  }
}

/** A match this early in the indexed text (kicker and headline come first) is marked in the postings: it ranks higher. */
export const headlineReach = 40;

/**
 * @typedef {{ docs: [number, number], positions: [number, number] }} TermRanges
 * @typedef {{ doc: number, count: number, early: boolean, positions: number[] | null }} Posting
 */

/**
 * The terms of one bucket: term → where its documents are in the bucket's file (b/K.bin) and its positions in the
 * positions file (p/K.bin), fetched only for a query that needs them (a phrase). b/K.bin is
 * `count, (term byte length, term bytes, documents byte length, positions byte length)×count, documents…`; p/K.bin
 * the positions in the same order.
 * @param {Uint8Array} bytes
 * @returns {Map<string, TermRanges>}
 */
export function bucketTerms(bytes) {
  const read = new Varints(bytes);
  const count = read.next();
  const decoder = new TextDecoder();
  /** @type {[string, number, number][]} */
  const heads = [];
  for (let i = 0; i < count; i++) {
    const length = read.next();
    const term = decoder.decode(bytes.subarray(read.at, read.at + length));
    read.at += length;
    heads.push([term, read.next(), read.next()]);
  }
  /** @type {Map<string, TermRanges>} */
  const terms = new Map();
  let at = read.at;
  let pos = 0;
  for (const [term, docs, positions] of heads) {
    terms.set(term, { docs: [at, at + docs], positions: [pos, pos + positions] });
    at += docs;
    pos += positions;
  }
  return terms;
}

/**
 * A term's documents (ids ascending), each with its number of occurrences and whether one is early in the text.
 * Encoded as `docs, (doc id delta, count × 2 + early)×docs`.
 * @param {Uint8Array} bytes
 * @param {[number, number]} range
 * @returns {Posting[]}
 */
export function readPostings(bytes, range) {
  const read = new Varints(bytes, range[0]);
  const docs = read.next();
  /** @type {Posting[]} */
  const out = [];
  let doc = 0;
  for (let i = 0; i < docs; i++) {
    doc += read.next();
    const flagged = read.next();
    out.push({ doc, count: flagged >> 1, early: (flagged & 1) === 1, positions: null });
  }
  return out;
}

/**
 * Fills in the positions of `postings` (all of one term's, in order) from the positions file: per document its
 * positions' deltas, `count` of them.
 * @param {Uint8Array} bytes
 * @param {[number, number]} range
 * @param {Posting[]} postings
 */
export function readPositions(bytes, range, postings) {
  const read = new Varints(bytes, range[0]);
  for (const p of postings) {
    const positions = [];
    let pos = 0;
    for (let j = 0; j < p.count; j++) {
      pos += read.next();
      positions.push(pos);
    }
    p.positions = positions;
  }
}

/**
 * The manifest's editions as [date, documents, segment (-1: the edition's own), first document in it], newest
 * first. The file keeps them small (ten years gzip to a few KB): [days before the newer one (the first: before
 * `newest`), documents, segment, documents of its segment between it and the newer one of the same segment].
 * @param {{ newest: string, segments: { docs: number }[], editions: [number, number, number, number][] }} manifest
 * @returns {[string, number, number, number][]}
 */
export function manifestEditions(manifest) {
  /** @type {[string, number, number, number][]} */
  const out = [];
  let day = Date.parse(manifest.newest + "T00:00:00Z");
  const cursor = manifest.segments.map((s) => s.docs);
  for (const [gap, docs, seg, skip] of manifest.editions) {
    day -= gap * 86_400_000;
    let offset = 0;
    if (seg >= 0) {
      offset = cursor[seg] - skip - docs;
      cursor[seg] = offset;
    }
    out.push([new Date(day).toISOString().slice(0, 10), docs, seg, offset]);
  }
  return out;
}
