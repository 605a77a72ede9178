/**
 * Seeded randomness for the synthetic population: a string hash, a small fast PRNG (sfc32) and keyed
 * permutations (Feistel networks with cycle walking). Nothing here touches Math.random, so the same seed gives
 * the same population on every machine.
 */

/** murmur3's 32-bit finaliser: a cheap, well-mixing bijection of 32-bit integers. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Four 32-bit words from a string (cyrb128), used to key everything a seed drives. */
export function hashString(s: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A 32-bit key for one purpose (e.g. 'phone') under one seed. */
export function subKey(seedHash: readonly number[], purpose: string): number {
  return hashString(`${seedHash.join('.')}/${purpose}`)[0];
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) with helpers for the draws the generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds from four words mixed with a stream number (e.g. a family index): streams are independent. */
  constructor(words: readonly number[], stream: number) {
    this.a = fmix32((words[0] ?? 0) ^ fmix32(stream >>> 0));
    this.b = fmix32((words[1] ?? 0) + Math.imul(stream >>> 0, 0x9e3779b9));
    this.c = fmix32((words[2] ?? 0) ^ Math.floor(stream / 0x100000000));
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** The next 32-bit unsigned integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** An integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A key of `weights` drawn in proportion to its weight (weights ≥ 0, not all 0). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    let total = 0;
    for (const k of keys) total += weights[k];
    let r = this.next() * total;
    for (const k of keys) {
      r -= weights[k];
      if (r < 0) return k;
    }
    // Rounding can leave r at a hair above 0: the last key with a weight wins.
    for (let i = keys.length - 1; i >= 0; i--) if (weights[keys[i]!] > 0) return keys[i]!;
    return keys[0]!;
  }

  /** An index of `weights` drawn in proportion to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/**
 * A keyed bijection of [0, size): a balanced Feistel network on the smallest even number of bits that covers
 * `size`, with cycle walking to stay inside the range. It lets the generator turn a person's position in the
 * population into identifiers that look random yet are unique by construction and decodable without an index.
 */
export class Permutation {
  private readonly halfBits: number;
  private readonly mask: number;
  private readonly keys: readonly number[];

  constructor(
    readonly size: number,
    key: number,
  ) {
    let bits = 2;
    while (2 ** bits < size) bits += 2;
    this.halfBits = bits / 2;
    this.mask = (1 << this.halfBits) - 1;
    this.keys = [0, 1, 2, 3].map((r) => fmix32(key ^ Math.imul(r + 1, 0x27d4eb2d)));
  }

  private round(x: number, r: number): number {
    return fmix32(x ^ this.keys[r]!) & this.mask;
  }

  private forward(x: number): number {
    let l = Math.floor(x / (this.mask + 1));
    let r = x & this.mask;
    for (let i = 0; i < 4; i++) {
      const next = l ^ this.round(r, i);
      l = r;
      r = next;
    }
    return l * (this.mask + 1) + r;
  }

  private backward(y: number): number {
    let l = Math.floor(y / (this.mask + 1));
    let r = y & this.mask;
    for (let i = 3; i >= 0; i--) {
      const prev = r ^ this.round(l, i);
      r = l;
      l = prev;
    }
    return l * (this.mask + 1) + r;
  }

  /** The image of x ∈ [0, size). */
  apply(x: number): number {
    let y = this.forward(x);
    while (y >= this.size) y = this.forward(y);
    return y;
  }

  /** The preimage of y ∈ [0, size). */
  invert(y: number): number {
    let x = this.backward(y);
    while (x >= this.size) x = this.backward(x);
    return x;
  }
}
