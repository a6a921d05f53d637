import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeedsApi, timed } from './support/seeds-api.ts';
import type { SeedsApi } from './support/seeds-api.ts';

/**
 * Slow and idle connections: the attack run held 500 slow connections open, and the server had
 * no header or request time-out below Node's defaults (a minute and five) and no cap on
 * connections. Here with small settings, so the test is quick; the defaults are in the README.
 */

let api: SeedsApi;
beforeAll(async () => {
  api = await startSeedsApi({ API_HEADERS_TIMEOUT_MS: '1000', API_REQUEST_TIMEOUT_MS: '2000', API_KEEP_ALIVE_TIMEOUT_MS: '1000', API_MAX_CONNECTIONS: '8' });
});
afterAll(async () => api?.close());

/** Opens a TCP connection to the API and resolves once connected; `ended` settles when the server closes it, with what it sent. */
async function open(origin: string): Promise<{ socket: Socket; ended: Promise<{ received: string; afterMs: number }> }> {
  const { hostname, port } = new URL(origin);
  const socket = connect(Number(port), hostname);
  const opened = performance.now();
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const ended = new Promise<{ received: string; afterMs: number }>((done) => socket.once('close', () => done({ received, afterMs: performance.now() - opened })));
  socket.on('error', () => undefined);
  await new Promise<void>((done, fail) => {
    socket.once('connect', () => done());
    socket.once('error', fail);
  });
  return { socket, ended };
}

describe('slow clients', () => {
  it('closes a connection whose headers come too slowly, with 408, after API_HEADERS_TIMEOUT_MS', async () => {
    const { socket, ended } = await open(api.origin);
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n');
    const trickle = setInterval(() => socket.write('X-Slow: 1\r\n'), 200);
    const { received, afterMs } = await ended;
    clearInterval(trickle);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    // generous: the limit is 1 s, checked every second; Node's default left it a minute
    expect(afterMs).toBeLessThan(10_000);
  });

  it('closes a connection whose body comes too slowly after API_REQUEST_TIMEOUT_MS', async () => {
    const { socket, ended } = await open(api.origin);
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"query":');
    const trickle = setInterval(() => socket.write(' '), 200);
    const { received, afterMs } = await ended;
    clearInterval(trickle);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(afterMs).toBeLessThan(15_000);
  });

  it('closes an idle kept-alive connection after API_KEEP_ALIVE_TIMEOUT_MS', async () => {
    const { socket, ended } = await open(api.origin);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const { received, afterMs } = await ended;
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    // Node's default keeps it 5 s
    expect(afterMs).toBeLessThan(4000);
  });

  it('closes a connection that never sends a byte after API_HEADERS_TIMEOUT_MS', async () => {
    const { ended } = await open(api.origin);
    const { afterMs } = await ended;
    expect(afterMs).toBeLessThan(10_000);
  });
});

describe('many connections', () => {
  it('closes connections past API_MAX_CONNECTIONS at once, and serves again when the idle ones are gone', async () => {
    const held = await Promise.all(Array.from({ length: 8 }, () => open(api.origin)));
    for (const { socket } of held) socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    const extra = await open(api.origin);
    extra.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const { value: refused, ms } = await timed(() => extra.ended);
    expect(refused.received).toBe('');
    expect(ms).toBeLessThan(5000);
    // the held ones never finish their headers: the header time-out frees their places
    await Promise.all(held.map(({ ended }) => ended));
    expect((await fetch(`${api.origin}/healthz`)).status).toBe(200);
  });
});
