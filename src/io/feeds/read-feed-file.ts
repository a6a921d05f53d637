import { basename } from 'node:path';
import { decodeText } from '../decode-text.ts';
import type { ReadResult } from '../read-reports.ts';
import { feedItemReport, readFeed } from './read-feed.ts';

/** Extensions of feed files: always read as feeds, never as report text. */
export const FEED_EXTENSIONS = ['.rss', '.atom', '.xml'];

/**
 * The reports of a saved feed, one per item, from the feed's own text (`<feed name>#<item>`);
 * an item without text is skipped with why. A file that is no feed is one failure.
 */
export function readFeedFile(bytes: Uint8Array, path: string): ReadResult[] {
  const feed = readFeed(decodeText(bytes, 'xml').text);
  if (!feed.ok) return [{ ok: false, file: path, reason: feed.reason }];
  if (feed.items.length === 0) return [{ ok: false, file: path, reason: 'empty: no items in the feed' }];
  return feed.items.map((item, i) => {
    const report = feedItemReport(item, `${basename(path)}#${i + 1}`);
    return report.ok ? { ok: true, input: report.input } : { ok: false, file: `${path}#${i + 1}`, reason: report.reason, skipped: true };
  });
}
