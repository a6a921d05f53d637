import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of choices; one per report, so report N is the same whatever came before. */
export type Random = {
  int(from: number, to: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
};

/** A random source for one (seed, stream) pair: independent streams for independent reports. */
export function createRandom(seed: number, stream: number): Random {
  const rng = xoroshiro128plus(hashNumbers(seed, stream));
  const int = (from: number, to: number): number => uniformInt(rng, from, to);
  return {
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('cannot pick from an empty list');
      return item;
    },
    chance: (probability) => int(0, 9999) < probability * 10000,
  };
}

/** A stable 32-bit hash of a text (FNV-1a): who holds an office depends on the office, not on the report. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function hashNumbers(a: number, b: number): number {
  let hash = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x7feb352d);
  hash ^= hash >>> 15;
  return hash | 0;
}
