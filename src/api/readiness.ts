import createDebug from 'debug';

const log = createDebug('hoptac:api:ready');

/** What `/readyz` answers: whether the database answers, and if not, why in a few words. */
export type Readiness = { ready: boolean; status: string };

export type ReadinessOptions = {
  /** Answers true when the database answers a trivial query (the gateway's ping); may hang. */
  ping: () => Promise<boolean>;
  /** Why the database cannot answer, known without asking it (the built-in Neo4j is restarting), or null. */
  knownDown?: () => string | null;
  /** How long a probe may take before the answer is "not ready" (default 1,500 ms). */
  timeoutMs?: number;
  /** How long a probe's answer is reused (default 1,000 ms). */
  freshMs?: number;
};

/**
 * `/readyz` that tells the truth fast: a probe bounded by `timeoutMs`, its answer reused for
 * `freshMs`, and at most one probe in flight whatever the number of callers. A lost database
 * made `/readyz` take 15–32 s (the driver's connection time-outs), which a probe with a normal
 * time-out sees as a hang; now it says "not ready" within `timeoutMs` either way.
 */
export function createReadiness(options: ReadinessOptions): () => Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 1500;
  const freshMs = options.freshMs ?? 1000;
  let last: { at: number; answer: Readiness } | null = null;
  let probing: Promise<Readiness> | null = null;
  // A ping that outlives its probe is not repeated: later probes wait on it (a hung database
  // would otherwise collect one pending ping per probe).
  let pinging: Promise<boolean> | null = null;

  const probe = async (): Promise<Readiness> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Readiness>((done) => {
      timer = setTimeout(() => done({ ready: false, status: `database did not answer within ${timeoutMs} ms` }), timeoutMs);
    });
    pinging ??= options
      .ping()
      .catch(() => false)
      .finally(() => {
        pinging = null;
      });
    const answered = pinging.then((ready): Readiness => ({ ready, status: ready ? 'ready' : 'database unavailable' }));
    try {
      return await Promise.race([answered, late]);
    } finally {
      clearTimeout(timer);
    }
  };

  return async () => {
    const down = options.knownDown?.() ?? null;
    if (down !== null) return { ready: false, status: down };
    if (last && performance.now() - last.at < freshMs) return last.answer;
    probing ??= probe().then((answer) => {
      if (!answer.ready) log('not ready: %s', answer.status);
      last = { at: performance.now(), answer };
      probing = null;
      return answer;
    });
    return probing;
  };
}
