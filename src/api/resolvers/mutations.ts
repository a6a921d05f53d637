import { createHash } from 'node:crypto';
import createDebug from 'debug';
import { extractReport } from '../../extract/extract.ts';
import { deleteReport, loadRecord } from '../../graph/load.ts';
import { assertMayWrite } from '../auth.ts';
import { ingestArgsSchema, idArgsSchema, parseArgs } from '../args.ts';
import type { ApiContext } from '../context.ts';
import { createApiError } from '../errors.ts';

const log = createDebug('hoptac:api:mutation');

/**
 * Mutations, behind the API key. `ingestReport` runs the very path `npm run ingest` runs for
 * each report: `extractReport` then `loadRecord` (one write transaction, idempotent).
 */
export const mutationResolvers = {
  ingestReport: async (_root: unknown, args: unknown, context: ApiContext) => {
    assertMayWrite(context);
    const { text, url, title, publishedAt } = parseArgs(ingestArgsSchema, args);
    const file = `api-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)}.txt`;
    const record = extractReport({
      text,
      file,
      ...(url ? { url } : {}),
      ...(title ? { title } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    });
    const outcome = await loadRecord(context.gateway, record);
    log('ingested %s: %s (%d writes)', outcome.reportKey, outcome.status, outcome.writes);
    context.loaders.nodes.clear(outcome.reportKey);
    const report = await context.loaders.nodes.load(outcome.reportKey);
    if (!report) throw new Error(`report ${outcome.reportKey} missing right after loading`);
    return { status: outcome.status, report, writes: outcome.writes, warnings: record.warnings };
  },

  deleteReport: async (_root: unknown, args: unknown, context: ApiContext) => {
    assertMayWrite(context);
    const { id } = parseArgs(idArgsSchema, args);
    const deleted = await deleteReport(context.gateway, id);
    if (!deleted) throw createApiError('NOT_FOUND', `No report has the id "${id}".`, { id });
    log('deleted %s', id);
    return { id, deleted };
  },
};
