import { WORD_LETTER, isWordLetter } from './chars.ts';

/**
 * Whole-word search for the word-list patterns, with the interface of a global RegExp
 * (`lastIndex`, `exec`, `test`, `source`). It finds exactly what
 * `(?<![letter])(?:words)(?![letter])` finds, but leaves the leading look-behind out of
 * the regex and checks the character before a match itself: irregexp cannot skip
 * ahead through a pattern that opens with a look-behind, and on whole reports the
 * pattern without it runs about twice as fast.
 */

export class WordScanner {
  /** Where the next `exec` starts; 0 after a failed search, as for a global RegExp. */
  lastIndex = 0;
  readonly unicode = false;
  /** The equivalent regex source, look-behind included, for use inside larger patterns. */
  readonly source: string;
  private readonly body: RegExp;

  /** `alternation`: the words as a regex alternation, without boundaries or outer group. */
  constructor(alternation: string) {
    this.source = `(?<![${WORD_LETTER}])(?:${alternation})(?![${WORD_LETTER}])`;
    this.body = new RegExp(`(?:${alternation})(?![${WORD_LETTER}])`, 'g');
  }

  /** The next whole-word match from `lastIndex`, or null (and `lastIndex` back to 0). */
  exec(text: string): RegExpExecArray | null {
    let from = this.lastIndex;
    while (from <= text.length) {
      this.body.lastIndex = from;
      const match = this.body.exec(text);
      if (match === null) break;
      if (match.index === 0 || !isWordLetter(text.charCodeAt(match.index - 1))) {
        this.lastIndex = this.body.lastIndex;
        return match;
      }
      // inside a word: the look-behind fails here, and no other match can start at this index
      from = match.index + 1;
    }
    this.lastIndex = 0;
    return null;
  }

  /** Whether a whole-word match follows `lastIndex` (moving it, as `RegExp.prototype.test` does). */
  test(text: string): boolean {
    return this.exec(text) !== null;
  }
}

/** One word list for WordLists: its regex alternation and the characters its words can start with. */
export type WordListSource = { alternation: string; firstChars: ReadonlySet<string> };

/**
 * Several word lists searched in one pass over a text. A regex made of all the lists
 * finds every index where some word of some list starts (stepping one character at a
 * time, so overlaps are not lost); there, each list whose words can start with that
 * character tries its own regex, anchored. The matches of each list are exactly those
 * its own WordScanner would find, in the same order: the first index a list matches at
 * (from where its previous match ended) is among those indexes.
 */
export class WordLists {
  private readonly any: RegExp;
  private readonly lists: { anchored: RegExp; firstChars: ReadonlySet<string> }[];

  /** `anyAlternation`: all the lists' words as one alternation (a merged trie runs faster than the lists in turn). */
  constructor(sources: readonly WordListSource[], anyAlternation: string) {
    this.any = new RegExp(`(?:${anyAlternation})(?![${WORD_LETTER}])`, 'g');
    this.lists = sources.map((s) => ({ anchored: new RegExp(`(?:${s.alternation})(?![${WORD_LETTER}])`, 'y'), firstChars: s.firstChars }));
  }

  /** Every whole-word match of each list in `text`, list by list. */
  matchEach(text: string): RegExpExecArray[][] {
    const found: RegExpExecArray[][] = [];
    const resumeAt: number[] = [];
    for (let i = 0; i < this.lists.length; i++) {
      found.push([]);
      resumeAt.push(0);
    }
    this.any.lastIndex = 0;
    for (let hit = this.any.exec(text); hit; hit = this.any.exec(text)) {
      const at = hit.index;
      this.any.lastIndex = at + 1;
      if (at > 0 && isWordLetter(text.charCodeAt(at - 1))) continue;
      const first = text.charAt(at);
      for (let i = 0; i < this.lists.length; i++) {
        const list = this.lists[i] as (typeof this.lists)[number];
        if (at < (resumeAt[i] as number) || !list.firstChars.has(first)) continue;
        list.anchored.lastIndex = at;
        const match = list.anchored.exec(text);
        if (match === null) continue;
        found[i]?.push(match);
        resumeAt[i] = at + match[0].length;
      }
    }
    return found;
  }
}
