import { t } from './i18n.ts';

/** A message looked up by a key built at run time (an entity type, a relation); the raw value when there is none. */
function lookUp(prefix: string, value: string): string {
  return t(`${prefix}.${value}` as never, { defaultValue: value });
}

/** An entity type's name in the interface's language (`Official` → `Cán bộ`). */
export function typeName(type: string): string {
  return lookUp('types', type);
}

/** A relationship type as a reader says it (`ATTENDED` → `dự`). */
export function relationName(relation: string): string {
  return lookUp('relations', relation);
}

/** A role at a meeting (`directed` → `chỉ đạo`). */
export function roleName(role: string): string {
  return lookUp('roles', role);
}

/** A statistic's metric (`cooperatives_total` → `Số hợp tác xã`). */
export function metricName(metric: string): string {
  return lookUp('metrics', metric);
}

/** A statistic's unit (`billion_vnd` → `tỷ đồng`). */
export function unitName(unit: string): string {
  return lookUp('units', unit);
}
