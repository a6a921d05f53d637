import { Command, CommanderError } from 'commander';
import { EXIT } from './exit-codes.ts';

/** The environment variables every command that opens the database reads (all of them: README, *Configuration*). */
export const ENVIRONMENT_HELP = `
Environment:
  NEO4J_URI         an existing Neo4j 5.23+ (bolt://, neo4j://, neo4j+s:// …). Unset: hoptac starts
                    its own local Neo4j (needs Java 17+ and Maven 3.8+ on PATH; the first run
                    builds it, downloading about 170 MB from Maven Central), data in NEO4J_LOCAL_DATA
  NEO4J_USER        user for NEO4J_URI (default neo4j)
  NEO4J_PASSWORD    password for NEO4J_URI
  NEO4J_DATABASE    database on NEO4J_URI (default neo4j)
  NEO4J_LOCAL_PORT  Bolt port of the local Neo4j (default 7687)
  NEO4J_LOCAL_DATA  data folder of the local Neo4j (default .data/neo4j)
  REPORT_MAX_BYTES, EXTRACT_TIMEOUT_MS   limits per report (default 2m, 60000)
  DEBUG             hoptac:* logs every stage; hoptac:cli also prints the stack trace of a failure

Exit codes: 0 ok, 1 some inputs failed (or an unexpected error), 2 usage error or bad
configuration, 3 database unavailable.
`;

/**
 * A sub-command of \`hoptac\` named \`name\`: usage errors exit 2 (commander's own default is 1)
 * and the help ends with \`examples\` (command lines), the environment variables and exit codes.
 */
export function createCommand(name: string, examples: string[]): Command {
  return new Command(name)
    .exitOverride()
    .addHelpText('after', `\nExamples:\n${examples.map((line) => `  ${line}`).join('\n')}\n${ENVIRONMENT_HELP}`);
}

/**
 * Parses \`argv\` (user arguments only) with \`program\`; false after a usage error, which commander
 * has already printed, or after \`--help\` (the exit code is then set to 2 or 0).
 */
export function parseCommand(program: Command, argv: string[]): boolean {
  try {
    program.parse(argv, { from: 'user' });
    return true;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return false;
  }
}

/** Whether a path argument means stdin or stdout. */
export function isStdio(path: string | undefined): boolean {
  return path === '-';
}
