import data from './data/corpus.json' with { type: 'json' };
import type { ProvinceUnit } from './province-eras.ts';
import { hashText } from './random.ts';

/** The person who holds an office: a stable choice from the name pool, so an office recurs with its holder. */
export function personName(seed: number, office: string): string {
  const h = hashText(`${seed}|${office}`);
  const { surnames, middleNames, givenNames } = data.people;
  return [
    surnames[h % surnames.length],
    middleNames[(h >>> 8) % middleNames.length],
    givenNames[(h >>> 16) % givenNames.length],
  ].join(' ');
}

/** Replaces `{unit}` (tỉnh / thành phố) and `{province}` in a name form by the province's. */
export function fillUnit(form: string, province: ProvinceUnit): string {
  return form.replaceAll('{unit}', province.unit).replaceAll('{province}', province.name);
}
