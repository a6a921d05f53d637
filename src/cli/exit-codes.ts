/**
 * The exit codes of every `hoptac` sub-command (README, *Command line*): 0 all went well, 1 some
 * inputs failed (the others were handled) or an unexpected error, 2 a usage error or bad
 * configuration, 3 the database could not be reached or was lost.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, database: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
