import { describe, expect, it } from 'vitest';
import { startFlags } from '../../bench/servers.ts';

describe('startFlags', () => {
  it('gives the benchmark servers the Node flags of npm start: larger semi-spaces, no allocation-site pretenuring', () => {
    expect(startFlags()).toEqual(['--max-semi-space-size=64', '--no-allocation-site-pretenuring']);
  });

  it('takes the flags before the script and its loader, and refuses a start script that does not run node', () => {
    const script = (start: string) => JSON.stringify({ scripts: { start } });
    expect(startFlags(script('node --a=1 --b --import tsx src/cli/start.ts --c'))).toEqual(['--a=1', '--b']);
    expect(startFlags(script('node src/cli/start.ts'))).toEqual([]);
    expect(() => startFlags(script('tsx src/cli/start.ts'))).toThrow(/does not run node/);
  });
});
