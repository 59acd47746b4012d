// Seeded pseudo-random numbers for the synthetic archive: the same seed always gives the same archive.

/** Mixes integers into one 32-bit seed, so each edition (or day) gets its own stream independent of the others. */
export function mixSeed(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    // Split a possibly large integer into two 32-bit halves so dates and seeds above 2^32 still mix in fully.
    for (const part of [value >>> 0, Math.floor(value / 4294967296) >>> 0]) {
      h = Math.imul(h ^ part, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
    }
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for made-up newspapers; not for anything secret. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly source: () => number;

  constructor(seed: number) {
    this.source = mulberry32(seed);
  }

  /** A number in [0, 1). */
  next(): number {
    return this.source();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.source() * (max - min + 1));
  }

  /** A number in [min, max). */
  float(min: number, max: number): number {
    return min + this.source() * (max - min);
  }

  chance(probability: number): boolean {
    return this.source() < probability;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error("Random.pick: empty list");
    return list[Math.floor(this.source() * list.length)];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(list: readonly T[]): T[] {
    const copy = list.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.source() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** `count` distinct integers from [0, n), in increasing order. */
  sample(n: number, count: number): number[] {
    return this.shuffle(Array.from({ length: n }, (_, i) => i))
      .slice(0, Math.min(count, n))
      .sort((a, b) => a - b);
  }

  /** Lowercase letters and digits, for ASCII slugs and story keys. */
  id(length: number): string {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    // Start with a letter so the id never reads as a number (YAML, sorting, URLs).
    let out = alphabet[this.int(0, 25)];
    while (out.length < length) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }
}
