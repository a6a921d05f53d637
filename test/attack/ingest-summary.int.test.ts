import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/graph/database.ts';
import { generateCorpus } from '../../src/generate/corpus.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';
import { collectRun, HOPTAC, spawnScript } from '../support/processes.ts';
import type { FinishedRun } from '../support/processes.ts';

/**
 * What `ingest` left unsaid: a folder scan skipped `.text` and `.md` files without a word, and
 * `--records` dropped relations to entities the record does not define silently. The summary now
 * names each.
 */

const REPORT = 'Liên minh HTX tỉnh Hà Nam tổng kết năm 2023\n\nNgày 5/1/2024, Liên minh Hợp tác xã tỉnh Hà Nam tổ chức hội nghị tổng kết năm 2023.\n';
let db: Database;
let dir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db.gateway);
  dir = mkdtempSync(join(tmpdir(), 'hoptac-attack-summary-'));
});
afterAll(async () => {
  await resetGraph(db.gateway);
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

function ingestEnv(): NodeJS.ProcessEnv {
  const { neo4j } = loadConfig();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NEO4J_|API_|REPORT_|EXTRACT_)/.test(name)));
  const login = inject('neo4jExternal') ? { NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, ...(neo4j.database ? { NEO4J_DATABASE: neo4j.database } : {}) } : {};
  return { ...clean, NEO4J_URI: inject('neo4jUri'), ...login };
}

function ingest(args: string[]): Promise<FinishedRun> {
  return collectRun(spawnScript(HOPTAC, ['ingest', '--no-progress', ...args], ingestEnv()));
}

describe('the ingest summary', () => {
  it('names the files a folder scan skipped', { timeout: 300_000 }, async () => {
    const folder = join(dir, 'reports');
    await import('node:fs').then((fs) => fs.mkdirSync(folder));
    writeFileSync(join(folder, 'a.txt'), REPORT);
    writeFileSync(join(folder, 'b.text'), REPORT);
    writeFileSync(join(folder, 'notes.md'), '# notes');
    const run = await ingest([folder]);
    const reason = 'not a report file (.txt, .jsonl, .html, .htm, .rss, .atom, .xml)';
    const named = [`${join(folder, 'b.text')}: ${reason}`, `${join(folder, 'notes.md')}: ${reason}`];
    expect({ exit: run.exit, stderr: run.stderr }).toEqual({ exit: 0, stderr: named.map((line) => `skipped ${line}\n`).join('') });
    expect(run.stdout).toContain('  loaded     1\n');
    expect(run.stdout).toContain(['  skipped    2', ...named.map((line) => `    ${line}`)].join('\n'));
  });

  it('names each relation --records drops because an end is not an entity of the record', { timeout: 300_000 }, async () => {
    const [first, second] = [...generateCorpus({ reports: 2, seed: 3 })].map(({ expected }) => expected);
    const evidence = first!.relations[0]!.evidence;
    first!.relations.push({ type: 'ORGANIZED', source: first!.entities[0]!.id, target: 'e999', evidence });
    first!.relations.push({ type: 'ATTENDED', source: 'ghost', target: 'e998', evidence, attributes: { role: 'spoke' } });
    const file = join(dir, 'records.jsonl');
    writeFileSync(file, `${JSON.stringify(first)}\n${JSON.stringify(second)}\n`);
    const run = await ingest(['--records', file]);
    expect({ exit: run.exit, stderr: run.stderr }).toEqual({ exit: 0, stderr: '' });
    expect(run.stdout).toContain('  loaded     2\n');
    const n = first!.relations.length;
    expect(run.stdout).toContain(
      [
        '  dropped    2 relations',
        `    ${first!.document.file}: relation ${n - 1} (ORGANIZED ${first!.entities[0]!.id} → e999): e999 is not an entity of the record`,
        `    ${first!.document.file}: relation ${n} (ATTENDED ghost → e998): ghost and e998 are not entities of the record`,
      ].join('\n'),
    );
  });

  it('reads reports from stdin with -, exiting 0 when all loaded and 1 when one failed', { timeout: 300_000 }, async () => {
    const fromStdin = async (input: string) => {
      const child = spawn(process.execPath, [HOPTAC, 'ingest', '--no-progress', '-'], { env: ingestEnv() });
      const run = collectRun(child);
      child.stdin.end(input);
      return run;
    };
    const text = await fromStdin(REPORT.replace('Hà Nam', 'Nam Định'));
    expect(text.exit).toBe(0);
    expect(text.stdout).toContain('  loaded     1\n');
    const feed = [JSON.stringify({ text: REPORT.replace('Hà Nam', 'Ninh Bình'), url: 'https://example.org/ninh-binh.html' }), '{ not json'].join('\n');
    const mixed = await fromStdin(feed);
    expect(mixed.exit).toBe(1);
    expect(mixed.stdout).toContain('  loaded     1\n');
    expect(mixed.stdout).toMatch(/^ {4}stdin#2: line 2 is not JSON/m);
    const keys = await db.gateway.read((tx) => tx.run("MATCH (r:Report) WHERE r.key IN ['report:stdin', 'report:https://example.org/ninh-binh.html'] RETURN r.key AS key ORDER BY key"));
    expect(keys.records.map((record) => record.get('key'))).toEqual(['report:https://example.org/ninh-binh.html', 'report:stdin']);
  });
});
