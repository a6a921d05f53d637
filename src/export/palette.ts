/** One colour per entity type, shared by the network page and the GEXF/Cytoscape exports. */
export const typeColors: Readonly<Record<string, string>> = {
  Province: '#8c6d31',
  Alliance: '#d62728',
  Agency: '#1f77b4',
  Official: '#2ca02c',
  Meeting: '#ff7f0e',
  Award: '#9467bd',
  Cooperative: '#17becf',
  Report: '#7f7f7f',
  Statistic: '#bcbd22',
};

const fallbackColor = '#555555';

/** The colour of an entity type; types added later fall back to grey rather than failing. */
export function colorOfType(type: string): string {
  return typeColors[type] ?? fallbackColor;
}

/** `#rrggbb` as the separate channels GEXF's `viz:color` wants. */
export function splitHexColor(hex: string): { r: number; g: number; b: number } {
  const value = Number.parseInt(hex.slice(1), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}
