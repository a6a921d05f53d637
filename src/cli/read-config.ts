import { ConfigError, loadConfig } from '../config.ts';
import type { Config } from '../config.ts';

/**
 * The configuration for a command-line tool, or null after writing the bad variable's message to
 * stderr (the caller then exits 2, the code every hoptac command uses for bad configuration).
 */
export function readCliConfig(): Config | null {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return null;
  }
}
