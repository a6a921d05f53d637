import { schemeSet2, schemeTableau10 } from 'd3';

/** The colour of the communities past the coloured ones. */
export const OTHER_COMMUNITY_COLOUR = '#c4c4c4';

/**
 * Tableau's categorical colours, then ColorBrewer's Set2 (lighter, still distinct from them),
 * each without its grey, which would read as "the others".
 */
const qualitative = [...schemeTableau10, ...schemeSet2].filter((colour) => !['#bab0ab', '#b3b3b3'].includes(colour));

/**
 * The most communities that get colours of their own (sixteen): past that, hues a reader can
 * tell apart run out, so the largest ones are coloured and the rest grey.
 */
export const MOST_COLOURED_COMMUNITIES = qualitative.length;

/**
 * The palette for `count` communities numbered from 0, the largest first: a distinct colour for
 * each while there are few enough to tell apart, else for the `MOST_COLOURED_COMMUNITIES` largest
 * and grey for the others. Returns the colour of each community and how many are coloured.
 */
export function paletteForCommunities(count: number): { colourOf(community: number): string; coloured: number } {
  const coloured = Math.min(count, MOST_COLOURED_COMMUNITIES);
  return {
    coloured,
    colourOf: (community) => (community >= 0 && community < coloured ? qualitative[community]! : OTHER_COMMUNITY_COLOUR),
  };
}
