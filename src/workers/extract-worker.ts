import { extractReport } from '../extract/extract.ts';
import type { ExtractionRecord, ReportInput } from '../extract/record/schema.ts';

/** A worker thread's task (see `extractor.ts`): one report in, its extraction record out. */
export default function extract(input: ReportInput): ExtractionRecord {
  return extractReport(input);
}
