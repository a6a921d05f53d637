import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { webDistDir } from '../../../src/web/built-pages.ts';

/**
 * The built pages served as `npm start` serves them, without an API: `/graphql` answers 503, so
 * the page's own questions (the overview) fail politely while a test or benchmark hands it a
 * network through its automation hook. No database needed. `root` serves another build of the
 * pages (one built from an earlier commit, to compare).
 */
export async function serveBuiltPages(root = webDistDir): Promise<{ origin: string; close(): Promise<void> }> {
  const app = express();
  app.use('/explore', express.static(root));
  app.use('/graphql', (_req, res) => {
    res.status(503).json({ errors: [{ message: 'no API here', extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
  });
  const server = createServer(app);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
