import robotsParserModule from 'robots-parser';

/**
 * A site's robots.txt rules for hoptac (RFC 9309, by `robots-parser`: groups, `*` and `$`
 * wildcards, longest match wins), read once per origin and run. A missing robots.txt (4xx) allows
 * everything; one that cannot be had (5xx, time-out, network error) closes the site for the run,
 * as the RFC asks.
 */

type Robot = { isAllowed(url: string, ua?: string): boolean | undefined; getCrawlDelay(ua?: string): number | undefined };
// the package is CommonJS (`module.exports = function`) and its types misdeclare that
const robotsParser = robotsParserModule as unknown as (url: string, body: string) => Robot;
export type RobotsAnswer = { status: number; body?: string } | { error: string };
export type RobotsVerdict = { allowed: true } | { allowed: false; reason: string };

export class RobotsRules {
  private readonly origins = new Map<string, Promise<{ robot: Robot | null; closed?: string; crawlDelayS?: number }>>();

  /**
   * @param fetchRobots fetches an origin's `/robots.txt` (through the polite queue, no robots check)
   * @param agent the product token robots.txt groups are matched against (`hoptac`)
   */
  constructor(
    private readonly fetchRobots: (address: string) => Promise<RobotsAnswer>,
    private readonly agent: string,
  ) {}

  private rulesOf(origin: string): Promise<{ robot: Robot | null; closed?: string; crawlDelayS?: number }> {
    let rules = this.origins.get(origin);
    if (!rules) {
      rules = this.fetchRobots(`${origin}/robots.txt`).then((answer) => {
        if ('error' in answer) return { robot: null, closed: `robots.txt could not be read (${answer.error}): the site is left alone` };
        if (answer.status >= 500) return { robot: null, closed: `robots.txt could not be read (HTTP ${answer.status}): the site is left alone` };
        if (answer.status >= 400 || answer.body === undefined) return { robot: null };
        const robot = robotsParser(`${origin}/robots.txt`, answer.body);
        const crawlDelayS = robot.getCrawlDelay(this.agent);
        return { robot, ...(crawlDelayS !== undefined ? { crawlDelayS } : {}) };
      });
      this.origins.set(origin, rules);
    }
    return rules;
  }

  /** Whether hoptac may fetch `address`. */
  async check(address: string): Promise<RobotsVerdict> {
    const rules = await this.rulesOf(new URL(address).origin);
    if (rules.closed) return { allowed: false, reason: rules.closed };
    if (rules.robot && rules.robot.isAllowed(address, this.agent) === false) return { allowed: false, reason: 'robots.txt disallows it' };
    return { allowed: true };
  }

  /** The `Crawl-delay` the origin of `address` asks of hoptac, in seconds, once its robots.txt was read. */
  async crawlDelay(address: string): Promise<number | undefined> {
    return (await this.rulesOf(new URL(address).origin)).crawlDelayS;
  }
}
