import { existsSync } from 'node:fs';
import createDebug from 'debug';
import express from 'express';
import { z } from 'zod';
import { describeNotFound } from '../api/errors.ts';
import { isExportFormat } from '../export/render-export.ts';
import { planSelection } from '../export/selector.ts';
import { readTypeDefs } from '../api/type-defs.ts';
import { DatabaseUnavailableError, QueryTimeoutError } from '../graph/gateway.ts';
import { UnknownSelectionError } from '../workers/analyzer.ts';
import type { Analyzer } from '../workers/analyzer.ts';
import { WorkTimeoutError, WorkerBusyError } from '../workers/worker-pool.ts';
import { webDistDir } from './built-pages.ts';

const log = createDebug('hoptac:web');

/** What the analyst routes need from the server: its export threads (`ApiServices.analyzer`). */
export type AnalystRouteDeps = { analyzer: Analyzer; webRoot?: string };

const exportQuerySchema = z.object({
  format: z.string().refine(isExportFormat, 'expected graphml, gexf, cyjs, csv-nodes or csv-edges'),
  around: z.string().optional(),
  depth: z.string().optional(),
  types: z.string().optional(),
  province: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  all: z.enum(['true', 'false']).optional(),
  includeStructural: z.enum(['true', 'false']).default('false'),
  bom: z.enum(['true', 'false']).default('true'),
});

/**
 * Mounts the analyst tools on the API's express app: the index page at `/`, the network page
 * (built static files) at `/explore/`, the GraphQL IDE at `GET /graphql` when a browser asks for
 * a page (GET queries still reach the API), the schema's SDL at `/schema.graphql`, and
 * `GET /export?format=…` downloads of any subgraph, selected like the GraphQL `SubgraphSelector`
 * (`around`+`depth`, `province`, `from`/`to`, `all`, `types`), measured and written as
 * `exportSubgraph` does (`includeStructural=true`, `bom=false`).
 * A download is read, measured and written in a worker thread within `API_EXPORT_TIMEOUT_MS`
 * (504 `TIMEOUT` past it; 503 `SERVER_BUSY` when too many wait), so the server keeps answering.
 */
export function mountAnalystRoutes(app: express.Express, deps: AnalystRouteDeps): void {
  const root = deps.webRoot ?? webDistDir;
  const sendPage = (file: string) => (_req: express.Request, res: express.Response) => {
    if (!existsSync(`${root}/${file}`)) return sendNotBuilt(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file, { root });
  };
  app.get('/', sendPage('home.html'));
  app.get('/graphql', (req, res, next) => {
    // A browser opening the address gets the IDE; a GET query (`?query=`) or a client asking for JSON gets the API.
    if (req.query.query !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    sendPage('ide.html')(req, res);
  });
  const schema = readTypeDefs();
  app.get('/schema.graphql', (_req, res) => {
    res.type('text/plain; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="hoptac.graphql"').send(schema);
  });
  app.use('/explore', (_req, res, next) => {
    if (existsSync(`${root}/index.html`)) return next();
    sendNotBuilt(res);
  });
  app.use('/explore', express.static(root, { index: 'index.html', maxAge: '1h', fallthrough: false }));
  app.get('/export', async (req, res) => {
    const query = exportQuerySchema.safeParse(req.query);
    if (!query.success) {
      const issue = query.error.issues[0];
      return sendError(res, 400, 'BAD_USER_INPUT', `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}`);
    }
    const { format, types, all, includeStructural, bom, ...rest } = query.data;
    if (!isExportFormat(format)) return sendError(res, 400, 'BAD_USER_INPUT', 'format: unknown');
    const selector = { ...rest, ...(types ? { types: types.split(',').map((type) => type.trim()) } : {}), ...(all ? { all: all === 'true' } : {}) };
    const planned = planSelection(Object.fromEntries(Object.entries(selector).filter(([, value]) => value !== '')));
    if (!planned.ok) return sendError(res, 400, 'BAD_USER_INPUT', planned.reason);
    try {
      const options = { metrics: { includeStructural: includeStructural === 'true' }, render: { bom: bom === 'true' } };
      const { file, nodeCount, edgeCount } = await deps.analyzer.exportFile(planned.plan, format, baseNameOf(planned.plan.description), options);
      log('export %s: %s, %d nodes, %d edges', format, planned.plan.description, nodeCount, edgeCount);
      res
        .status(200)
        .type(`${file.mediaType}; charset=utf-8`)
        .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`)
        .end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
    } catch (error) {
      if (error instanceof UnknownSelectionError) return sendError(res, 404, 'NOT_FOUND', describeNotFound(error.unknown));
      if (error instanceof DatabaseUnavailableError) return sendError(res, 503, 'DATABASE_UNAVAILABLE', 'The database is not reachable right now.');
      if (error instanceof QueryTimeoutError) return sendError(res, 504, 'TIMEOUT', 'The selection took too long to read: narrow it.');
      if (error instanceof WorkTimeoutError) return sendError(res, 504, 'TIMEOUT', `${error.message}: narrow the selection.`);
      if (error instanceof WorkerBusyError) return sendError(res, 503, 'SERVER_BUSY', 'Other exports are being computed; try again shortly.');
      log('export failed: %O', error);
      return sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  });
}

function sendNotBuilt(res: express.Response): void {
  res.status(503).type('text/plain').send('The pages are not built yet: run `npm run build:web`.');
}

function sendError(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** An ASCII file name from a selection's description (header-safe, no accents). */
function baseNameOf(description: string): string {
  const ascii = description.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd');
  return `hoptac-${ascii.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 80)}`;
}
