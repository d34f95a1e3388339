/**
 * A plain HTTP/1.1 client for black-box tests against a started server (server/start-server.ts):
 * unlike fetch it can send any Host header and method (TRACE), bind the client to another loopback
 * address (127.0.0.x, so the server sees a different client), and stream a body slowly.
 */
import http from 'node:http';

export interface RawRequest {
  /** Full URL of the server, e.g. http://127.0.0.1:40123/api/health (the path is taken from it). */
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Sent with a Content-Length; a JSON value is serialised. */
  body?: string | Buffer | object;
  /** Local address to connect from (127.0.0.2 … on Linux loopback). */
  from?: string;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function readResponse(res: http.IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('error', reject);
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text) });
    });
  });
}

function encodeBody(body: RawRequest['body']): Buffer | undefined {
  if (body === undefined) return undefined;
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
}

/** One request; resolves with the whole response (never rejects on an HTTP error status). */
export function rawRequest(req: RawRequest): Promise<RawResponse> {
  const url = new URL(req.url);
  const body = encodeBody(req.body);
  const headers: Record<string, string> = { ...req.headers };
  if (body !== undefined) {
    headers['content-length'] ??= String(body.length);
    headers['content-type'] ??= 'application/json';
  }
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: req.method ?? 'GET',
        headers,
        localAddress: req.from,
        agent: false,
        timeout: req.timeoutMs ?? 60_000,
      },
      (res) => readResponse(res).then(resolve, reject),
    );
    r.on('timeout', () => r.destroy(new Error(`no answer within ${req.timeoutMs ?? 60_000} ms`)));
    r.on('error', reject);
    r.end(body);
  });
}

/**
 * Starts a chunked request and writes `chunk` every `everyMs` without ever ending the body; resolves
 * with the answer the server sends meanwhile and how many bytes had been written by then.
 */
export function streamUntilAnswered(
  req: Omit<RawRequest, 'body'> & { chunk: Buffer; everyMs: number; maxBytes: number },
): Promise<{ response: RawResponse; bytesSent: number }> {
  const url = new URL(req.url);
  let bytesSent = 0;
  let answered = false;
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: req.method ?? 'POST',
        headers: { 'content-type': 'application/json', ...req.headers },
        localAddress: req.from,
        agent: false,
      },
      (res) => {
        answered = true;
        clearInterval(timer);
        readResponse(res).then((response) => resolve({ response, bytesSent }), reject);
      },
    );
    r.on('error', (err) => {
      clearInterval(timer);
      // the server may close the connection after answering while the body was still coming
      if (!answered) reject(err);
    });
    const timer = setInterval(() => {
      if (bytesSent >= req.maxBytes) {
        clearInterval(timer);
        r.destroy(new Error(`the server read ${bytesSent} bytes without answering`));
        return;
      }
      r.write(req.chunk);
      bytesSent += req.chunk.length;
    }, req.everyMs);
  });
}

/** `name=value` of every Set-Cookie of a response, by name (attributes dropped). */
export function setCookies(res: RawResponse): Map<string, { value: string; attributes: string }> {
  const cookies = new Map<string, { value: string; attributes: string }>();
  for (const line of res.headers['set-cookie'] ?? []) {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    cookies.set(pair.slice(0, eq).trim(), { value: pair.slice(eq + 1).trim(), attributes: attributes.join(';') });
  }
  return cookies;
}

/** A Cookie header carrying the cookies a response set. */
export function cookieHeader(res: RawResponse): string {
  return [...setCookies(res)].map(([name, { value }]) => `${name}=${value}`).join('; ');
}
