import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The `hoptac` command as users run it (`bin/hoptac.js`, no npm in between): the version, stdin,
 * the exit codes of each sub-command that need no database, and one-line errors. The database's
 * exit code 3 comes from a closed port (refused at once); exports against a real Neo4j are in
 * `test/export/export.int.test.ts`.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'hoptac.js');
const SEED = join(ROOT, 'seeds', '001_80b28b98b36d21f4.txt');
const CLOSED = { NEO4J_URI: 'bolt://127.0.0.1:1' };
const scratch = mkdtempSync(join(tmpdir(), 'hoptac-cli-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `hoptac …` with `env` over a clean environment (no NEO4J_URI or DEBUG of the test run's own). */
function hoptac(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const { NEO4J_URI: _uri, DEBUG: _debug, ...clean } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...clean, ...options.env },
    timeout: 90_000,
    maxBuffer: 1 << 26,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** stderr holds exactly one line, and no stack trace. */
function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr.trimEnd()).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('hoptac', { timeout: 60_000 }, () => {
  it('prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(hoptac(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists its sub-commands, examples and the environment, and exits 2 on an unknown one', () => {
    const help = hoptac(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['start', 'extract', 'ingest', 'export', 'generate', 'bench']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toMatch(/NEO4J_URI .*Unset: hoptac starts\s+its own local Neo4j \(needs Java 17\+ and Maven/);
    expect(help.stdout).toContain('NEO4J_PASSWORD');
    const exportHelp = hoptac(['export', '--help']);
    expect(exportHelp.code).toBe(0);
    expect(exportHelp.stdout).toContain('--no-bom');
    expect(exportHelp.stdout).toContain('NEO4J_URI');
    expect(hoptac(['frobnicate']).code).toBe(2);
  });
});

describe('hoptac extract', { timeout: 60_000 }, () => {
  it('reads a report from stdin with -', () => {
    const result = hoptac(['extract', '-q', '-'], { input: readFileSync(SEED, 'utf8') });
    expect(result.code).toBe(0);
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { document: { file: string; title: string }; entities: unknown[] });
    expect(records).toHaveLength(1);
    expect(records[0]!.document.file).toBe('stdin');
    expect(records[0]!.entities.length).toBeGreaterThan(3);
  });

  it('reads a JSON Lines feed from stdin, one record per line', () => {
    const feed = readFileSync(join(ROOT, 'test', 'fixtures', 'reports', 'portal-feed.jsonl'), 'utf8');
    const result = hoptac(['extract', '-q', '-'], { input: feed });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(feed.trim().split('\n').length);
  });

  it('exits 0 when all went well, 1 when some input failed, 2 on a usage error', () => {
    expect(hoptac(['extract', '-q', SEED]).code).toBe(0);
    const some = hoptac(['extract', '-q', SEED, join(scratch, 'missing.txt')]);
    expect(some.code).toBe(1);
    expect(some.stdout.trim().split('\n')).toHaveLength(1);
    expect(hoptac(['extract', '--bogus', SEED]).code).toBe(2);
    expect(hoptac(['extract']).code).toBe(2);
    expect(hoptac(['extract', SEED], { env: { EXTRACT_TIMEOUT_MS: 'soon' } }).code).toBe(2);
  });

  it('writes the records to stdout with --out -', () => {
    const result = hoptac(['extract', '-q', '--out', '-', SEED]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ document: { file: '001_80b28b98b36d21f4.txt' } });
  });
});

describe('hoptac ingest', { timeout: 60_000 }, () => {
  it('exits 2 on a usage error and 3 with one line when the database cannot be reached', () => {
    expect(hoptac(['ingest', '--concurrency', '0', SEED]).code).toBe(2);
    expect(hoptac(['ingest']).code).toBe(2);
    const unreachable = hoptac(['ingest', '--no-progress', SEED], { env: CLOSED });
    expect(unreachable.code).toBe(3);
    expectOneLine(unreachable.stderr, /^ingest: the database is unavailable \(cannot connect to Neo4j at bolt:\/\/127\.0\.0\.1:1: /);
  });
});

describe('hoptac export', { timeout: 60_000 }, () => {
  const out = join(scratch, 'x.graphml');

  it('refuses an unknown type with exit 2, naming it, before opening the database', () => {
    const result = hoptac(['export', '--format', 'graphml', '--all', '--types', 'Official,Officil', '--out', out], { env: CLOSED });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, /^export: types\.1: unknown type "Officil"; expected Province, Alliance, Official/);
  });

  it('exits 2 on usage errors: a bad option, csv to stdout, an output that cannot be written', () => {
    expect(hoptac(['export', '--format', 'pdf', '--all', '--out', out]).code).toBe(2);
    expect(hoptac(['export', '--format', 'graphml', '--out', out]).code).toBe(2);
    const csv = hoptac(['export', '--format', 'csv', '--all', '--out', '-'], { env: CLOSED });
    expect(csv.code).toBe(2);
    expectOneLine(csv.stderr, /^export: --out -: csv writes two files/);
    const unwritable = hoptac(['export', '--format', 'graphml', '--all', '--out', join(scratch, 'no-such-folder', 'x.graphml')], { env: CLOSED });
    expect(unwritable.code).toBe(2);
    expectOneLine(unwritable.stderr, /^export: --out: cannot write .*no-such-folder\/x\.graphml: no such folder$/);
  });

  it('exits 3 with one line when the database cannot be reached; DEBUG=hoptac:cli adds the stack trace', () => {
    const result = hoptac(['export', '--format', 'graphml', '--all', '--out', out], { env: CLOSED });
    expect(result.code).toBe(3);
    expectOneLine(result.stderr, /^export: cannot connect to Neo4j at bolt:\/\/127\.0\.0\.1:1: /);
    const debugged = hoptac(['export', '--format', 'graphml', '--all', '--out', out], { env: { ...CLOSED, DEBUG: 'hoptac:cli' } });
    expect(debugged.code).toBe(3);
    expect(debugged.stderr).toMatch(/^\s+at /m);
  });
});

describe('hoptac generate', { timeout: 60_000 }, () => {
  it('exits 0 with a corpus, 2 on a bad count or an output folder that cannot be made', () => {
    const folder = join(scratch, 'corpus');
    expect(hoptac(['generate', '--reports', '3', '--out', folder, '--no-gold']).code).toBe(0);
    expect(readFileSync(join(folder, 'reports.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(hoptac(['generate', '--reports', 'many', '--out', folder]).code).toBe(2);
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    const blocked = hoptac(['generate', '--reports', '1', '--out', join(file, 'corpus')]);
    expect(blocked.code).toBe(2);
    expectOneLine(blocked.stderr, /^generate: --out: cannot write to .*a-file\/corpus: a part of the path is not a folder$/);
  });
});

describe('hoptac start and bench', { timeout: 60_000 }, () => {
  it('start exits 3 with one line when NEO4J_URI cannot be reached, 2 on bad configuration', () => {
    const unreachable = hoptac(['start'], { env: { ...CLOSED, PORT: '0' } });
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toMatch(/^hoptac: cannot connect to Neo4j at bolt:\/\/127\.0\.0\.1:1: /m);
    expect(unreachable.stderr).not.toMatch(/^\s+at /m);
    const misconfigured = hoptac(['start'], { env: { ...CLOSED, PORT: 'eighty' } });
    expect(misconfigured.code).toBe(2);
    expect(misconfigured.stderr).toContain('PORT expects');
  });

  it('bench exits 2 on a usage error and 0 on --help', () => {
    expect(hoptac(['bench', '--bogus']).code).toBe(2);
    expect(hoptac(['bench', '--sizes', 'many']).code).toBe(2);
    expect(hoptac(['bench', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('--sizes') });
  });
});
