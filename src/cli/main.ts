import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ENVIRONMENT_HELP } from './command.ts';
import { EXIT } from './exit-codes.ts';
import { reportFailure } from './failures.ts';

/**
 * `hoptac <sub-command> …`: the one command line of the project (package.json `bin`; `npm run X`
 * runs the same). Each sub-command lives in its own module, loaded only when run, exporting
 * `main(argv)` that resolves with the exit code; a failure it does not handle itself becomes one
 * line on stderr and the exit code of `describeFailure`.
 */
const SUBCOMMANDS: Record<string, { summary: string; load: () => Promise<{ main(argv: string[]): Promise<number> }> }> = {
  start: { summary: 'start the database and serve the GraphQL API, /export and the network page', load: () => import('./start.ts') },
  extract: { summary: 'extract records from reports (files, folders, web addresses, - for stdin) as JSON Lines', load: () => import('./extract.ts') },
  ingest: { summary: 'extract reports (or load records) into the graph', load: () => import('./ingest.ts') },
  export: { summary: 'write a subgraph with its metrics as GraphML, GEXF, Cytoscape JSON or CSV', load: () => import('./export.ts') },
  generate: { summary: 'write a seeded synthetic corpus with its expected records', load: () => import('./generate.ts') },
  bench: { summary: 'run the benchmark: extraction, loading and the API against the alternatives', load: () => import('./bench.ts') },
};

const EXAMPLES = `
Examples:
  hoptac start                                     serve seeds/ on http://127.0.0.1:4000/graphql
  hoptac ingest reports/ feed.jsonl                load reports into the graph
  cat report.txt | hoptac extract -                one record as JSON on stdout
  hoptac export --format gexf --all --out graph.gexf
  hoptac export --format csv-nodes --province "Hòa Bình" --out - > nodes.csv
  hoptac <command> --help                          the options of a command
`;

/** The version in package.json. */
function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs `hoptac` with the user's arguments (`argv` without node and the script); resolves with the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  // A reader that stops early (`| head`) is not a failure: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  const program = new Command('hoptac')
    .description("hoptac: an open knowledge graph of Vietnam's cooperative movement (reports in, Neo4j graph, GraphQL out).")
    .version(readVersion(), '-V, --version', 'print the version')
    .usage('<command> [options]')
    .exitOverride()
    .addHelpText('after', `${EXAMPLES}${ENVIRONMENT_HELP}`);
  for (const [name, { summary }] of Object.entries(SUBCOMMANDS)) program.command(name).description(summary);
  // `hoptac help export` is `hoptac export --help`.
  const [command, ...rest] = argv[0] === 'help' && argv[1] !== undefined && Object.hasOwn(SUBCOMMANDS, argv[1]) ? [argv[1], '--help'] : argv;
  if (command === undefined || !Object.hasOwn(SUBCOMMANDS, command)) {
    try {
      program.parse(argv, { from: 'user' });
    } catch (error) {
      if (!(error instanceof CommanderError)) throw error;
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    return await (await SUBCOMMANDS[command]!.load()).main(rest);
  } catch (error) {
    return reportFailure(command, error);
  }
}
