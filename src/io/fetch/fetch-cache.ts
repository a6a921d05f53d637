import cacache from 'cacache';
import { z } from 'zod';

/**
 * What was fetched before, on disk (cacache: content-addressed, written atomically, checked on
 * read): each page's body with its validators, so the next run asks only whether it changed
 * (`If-None-Match`, `If-Modified-Since`) and a 304 answer costs no body.
 */

export type CachedPage = { url: string; contentType: string; etag?: string; lastModified?: string; body: Buffer };

const metadataSchema = z.object({ url: z.string(), contentType: z.string(), etag: z.string().optional(), lastModified: z.string().optional() });

export class FetchCache {
  constructor(readonly dir: string) {}

  /** The page stored for `address`, or null (never stored, or an entry that no longer reads). */
  async get(address: string): Promise<CachedPage | null> {
    try {
      const entry = await cacache.get(this.dir, `page:${address}`);
      const metadata = metadataSchema.safeParse(entry.metadata);
      return metadata.success ? { ...metadata.data, body: entry.data } : null;
    } catch {
      return null;
    }
  }

  /** Stores a page fetched from `address` (its body and validators). */
  async put(address: string, page: CachedPage): Promise<void> {
    const { body, ...metadata } = page;
    await cacache.put(this.dir, `page:${address}`, body, { metadata });
  }
}
