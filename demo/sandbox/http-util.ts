/**
 * Tiny HTTP helpers for the sandbox servers (engine, plug-ins, demo host): start a server on
 * a port (0 = any free one), answer JSON, read a bounded body, serve static files.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Running {
  /** Origin the server answers on, e.g. `http://localhost:8081`. */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Starts `handler` on `port` (0 picks a free one) at `host`; resolves once listening. */
export function listen(
  handler: Handler,
  port = 0,
  host = '127.0.0.1',
  publicHost = 'localhost',
): Promise<Running> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      console.error('[sandbox]', error);
      if (!res.headersSent) sendJson(res, 500, { detail: 'Internal Server Error' });
      else res.end();
    });
  });
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${publicHost}:${actual}`,
        port: actual,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204) {
    res.writeHead(204, headers);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(html);
}

/** Reads a request body up to `limit` bytes; rejects with `'too-large'` beyond it. */
export async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error('too-large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

/**
 * Serves `relative` from inside `root` (never outside it). Resolves false when there is no
 * such file, so the caller can answer 404 its own way.
 */
export async function serveFile(
  res: ServerResponse,
  root: string,
  relative: string,
  headers: Record<string, string> = {},
  transform?: (text: string) => string,
): Promise<boolean> {
  const path = normalize(join(root, decodeURIComponent(relative)));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    return false;
  }
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  const body = transform ? transform(data.toString('utf8')) : data;
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...headers });
  res.end(body);
  return true;
}

/** HTML-escapes text for interpolation into server-rendered pages. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
