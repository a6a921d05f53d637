import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';

/**
 * A local web server for tests: it answers for any host name (a request's `Host` picks the site),
 * logs every request with its arrival time, and serves each page with an ETag and Last-Modified,
 * answering 304 to a conditional request for an unchanged page, as a real site does. Tests reach
 * it by its loopback address, or through `routeEveryHost` for realistic addresses
 * (`http://m.lmhtxdaknong.vn/…`): no request ever leaves the machine.
 */

export type Reply = { status?: number; type?: string; body?: string | Buffer; headers?: Record<string, string>; delayMs?: number; validators?: boolean };
export type Route = Reply | ((request: IncomingMessage, count: number) => Reply);
/** One request as it arrived; `status` is what it was answered (0 while it has not been). */
export type Logged = { host: string; path: string; at: number; status: number; ifNoneMatch?: string; userAgent?: string };

export type TestSite = {
  origin: string;
  port: number;
  log: Logged[];
  /** Sets (or replaces) what `host` + `path` answers; host `*` answers for every host. */
  route(path: string, route: Route, host?: string): void;
  /** The requests for `path` (any host unless given). */
  requests(path: string, host?: string): Logged[];
  close(): Promise<void>;
};

export async function startTestSite(): Promise<TestSite> {
  const routes = new Map<string, Route>();
  const counts = new Map<string, number>();
  const log: Logged[] = [];
  const server: Server = createServer((request, response) => void answer(request, response));

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const path = request.url ?? '/';
    // like a real site, a page answers whatever query parameters it does not know (`?utm_source=…`)
    const bare = path.replace(/\?.*$/, '');
    const key = [`${host}${path}`, `*${path}`, `${host}${bare}`, `*${bare}`].find((k) => routes.has(k)) ?? `*${path}`;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    const entry: Logged = {
      host,
      path,
      at: performance.now(),
      status: 0,
      ...(typeof request.headers['if-none-match'] === 'string' ? { ifNoneMatch: request.headers['if-none-match'] } : {}),
      ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
    };
    log.push(entry);
    const route = routes.get(key);
    const reply: Reply = route === undefined ? { status: 404, body: 'Không tìm thấy trang' } : typeof route === 'function' ? route(request, count) : route;
    if (reply.delayMs) await new Promise((wake) => setTimeout(wake, reply.delayMs));
    const body = reply.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body, 'utf8');
    const headers: Record<string, string> = { 'content-type': reply.type ?? 'text/html; charset=utf-8', ...reply.headers };
    let status = reply.status ?? 200;
    if (status === 200 && reply.validators !== false) {
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      headers.etag = etag;
      headers['last-modified'] = 'Wed, 24 Jan 2024 09:05:00 GMT';
      if (request.headers['if-none-match'] === etag) status = 304;
    }
    entry.status = status;
    if (response.destroyed) return;
    response.writeHead(status, headers);
    response.end(status === 304 ? undefined : body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    log,
    route(path, route, host = '*') {
      routes.set(`${host}${path}`, route);
    },
    requests(path, host) {
      return log.filter((l) => l.path === path && (host === undefined || l.host === host));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An undici dispatcher that connects every request, whatever its host and port, to the test site. */
export function routeEveryHost(site: Pick<TestSite, 'port'>): Agent {
  return new Agent({
    connect: (_options, callback) => {
      const socket = connect(site.port, '127.0.0.1');
      socket.once('connect', () => callback(null, socket));
      socket.once('error', (error) => callback(error, null));
    },
  });
}
