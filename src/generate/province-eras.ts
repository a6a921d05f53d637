import { listProvinces, MERGER_DATE } from '../extract/places/provinces.ts';

/** A provincial-level unit as reports name it: `tỉnh Phú Thọ`, `thành phố Hà Nội`. */
export type ProvinceUnit = { name: string; unit: string };

/** The units a report can be about before and after the 2025 merger, and the day it took effect. */
export type ProvinceEras = { before: ProvinceUnit[]; after: ProvinceUnit[]; mergedOn: string };

/** Reads the gazetteer's 63 pre-merger and 34 post-merger units. */
export function readProvinceEras(): ProvinceEras {
  const unitOf = (p: { name: string; type: string }): ProvinceUnit => ({ name: p.name, unit: p.type });
  return { before: listProvinces('pre-merger').map(unitOf), after: listProvinces('post-merger').map(unitOf), mergedOn: MERGER_DATE };
}
