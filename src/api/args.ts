import { z } from 'zod';
import { MAX_PATH_LENGTH } from '../graph/read-paths.ts';
import { isCalendarDay } from '../io/calendar-day.ts';
import { NODE_TYPES } from '../graph/read-rows.ts';
import { createApiError } from './errors.ts';

/**
 * GraphQL arguments pass these schemas once, at the resolver boundary: a failure is the
 * client's (`BAD_USER_INPUT`, naming the argument), never a database error later.
 */

const isoDate = z.string().refine(isCalendarDay, 'expected a day that exists, as YYYY-MM-DD');
const optionalDate = isoDate.nullish();
const id = z.string().min(1, 'expected a non-empty id');
const types = z.array(z.enum(NODE_TYPES)).nullish();

export const filterSchema = z
  .object({
    name: z.string().nullish(),
    province: z.string().nullish(),
    from: optionalDate,
    to: optionalDate,
    kind: z.string().nullish(),
  })
  .nullish()
  .transform((f) => f ?? {});

export const listArgsSchema = z.object({
  filter: filterSchema,
  orderBy: z.enum(['NAME_ASC', 'NAME_DESC', 'DATE_ASC', 'DATE_DESC']),
  first: z.number().int().min(0, 'first must not be negative'),
  after: z.string().nullish(),
});

/**
 * Search text bounds: every word becomes a required Lucene clause (and the last a prefix query),
 * so 1,025 words passed Lucene's clause limit and a 2,000-character word its limits too, both as
 * an internal error. Names are a dozen words at most.
 */
export const SEARCH_MAX_CHARS = 200;
export const SEARCH_MAX_WORDS = 20;

export const searchArgsSchema = z.object({
  text: z
    .string()
    .max(SEARCH_MAX_CHARS, `at most ${SEARCH_MAX_CHARS} characters`)
    .refine((text) => text.split(/\s+/).filter((word) => word !== '').length <= SEARCH_MAX_WORDS, `at most ${SEARCH_MAX_WORDS} words`),
  types,
  first: z.number().int().min(0),
});

export const pathArgsSchema = z.object({
  from: id,
  to: id,
  maxLength: z.number().int().min(1).max(MAX_PATH_LENGTH, `maxLength is at most ${MAX_PATH_LENGTH}`),
  throughProvinces: z.boolean(),
  first: z.number().int().min(1),
});

export const neighborhoodArgsSchema = z.object({ id, depth: z.number().int().min(1).max(3, 'depth is at most 3'), types });
export const idArgsSchema = z.object({ id });
export const coAttendanceArgsSchema = z.object({ id, first: z.number().int().min(0) });
export const networkArgsSchema = z.object({ province: z.string().nullish(), from: optionalDate, to: optionalDate });
export const statisticsArgsSchema = z.object({ province: z.string().min(1), metric: z.string().nullish(), rollUpMerged: z.boolean() });
export const rangeArgsSchema = z.object({ from: optionalDate, to: optionalDate, first: z.number().int().min(0).optional() });

/** `ingestReport`'s arguments by type; what they hold is checked as every report is (`findReportProblem`). */
export const ingestArgsSchema = z.object({
  text: z.string(),
  url: z.string().nullish(),
  title: z.string().nullish(),
  publishedAt: z.string().nullish(),
});

/** Parses arguments with a schema; a mismatch is `BAD_USER_INPUT` naming the argument. */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw createApiError('BAD_USER_INPUT', `${where}${issue?.message ?? 'invalid arguments'}`);
}

/** A page size within the configured cap: larger requests are served the cap (Relay's hasNextPage says more follow). */
export function capPageSize(first: number | undefined | null, maxPageSize: number, fallback = 20): number {
  return Math.min(first ?? fallback, maxPageSize);
}
