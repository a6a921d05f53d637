import { createHash } from 'node:crypto';
import createDebug from 'debug';
import { deleteReport } from '../../graph/load.ts';
import { findReportProblem } from '../../io/report-checks.ts';
import { assertMayWrite } from '../auth.ts';
import { ingestArgsSchema, idArgsSchema, parseArgs } from '../args.ts';
import type { ApiContext } from '../context.ts';
import { createApiError, quoteArgument } from '../errors.ts';

const log = createDebug('hoptac:api:mutation');

/**
 * Mutations, behind the API key. `ingestReport` runs the very path `npm run ingest` runs for
 * each report: the same checks (`findReportProblem`: type, encoding, control characters, HTML,
 * size, a day that exists, an http(s) URL, title length), then `extractReport` and `loadRecord`
 * (one write transaction, idempotent) in a worker thread, within `EXTRACT_TIMEOUT_MS` and
 * `API_QUERY_TIMEOUT_MS`, so the event loop keeps answering other clients meanwhile.
 */
export const mutationResolvers = {
  ingestReport: async (_root: unknown, args: unknown, context: ApiContext) => {
    assertMayWrite(context);
    const { text, url, title, publishedAt } = parseArgs(ingestArgsSchema, args);
    const fields = { text, ...(url ? { url } : {}), ...(title ? { title } : {}), ...(publishedAt ? { publishedAt } : {}) };
    const problem = findReportProblem(fields, context.services.reportLimits);
    if (problem) throw createApiError('BAD_USER_INPUT', `${problem.field}: ${problem.reason}`);
    const file = `api-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)}.txt`;
    const outcome = await context.services.ingester.ingest({ ...fields, file });
    log('ingested %s: %s (%d writes)', outcome.reportKey, outcome.status, outcome.writes);
    context.loaders.nodes.clear(outcome.reportKey);
    const report = await context.loaders.nodes.load(outcome.reportKey);
    if (!report) throw new Error(`report ${outcome.reportKey} missing right after loading`);
    return { status: outcome.status, report, writes: outcome.writes, warnings: outcome.warnings };
  },

  deleteReport: async (_root: unknown, args: unknown, context: ApiContext) => {
    assertMayWrite(context);
    const { id } = parseArgs(idArgsSchema, args);
    const deleted = await deleteReport(context.gateway, id);
    if (!deleted) throw createApiError('NOT_FOUND', `No report has the id ${quoteArgument(id)}.`);
    log('deleted %s', id);
    return { id, deleted };
  },
};
