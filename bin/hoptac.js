#!/usr/bin/env node
// The `hoptac` command: registers tsx (a runtime dependency) so Node 20 runs the TypeScript
// sources as they are, then hands the arguments to src/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
// `start` keeps serving after this resolves; the others end when their work is done.
process.exitCode = await runCli(process.argv.slice(2));
