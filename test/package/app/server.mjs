// A plain Node server for the Vite app: the built files from dist/ and, from the kit's server
// half, the token endpoint at POST /api/ip-token.
//   INTELLIPROVE_API_KEY   the API key (it never reaches the browser)
//   INTELLIPROVE_API_BASE  default https://engine.intelliprove.com
//   PORT                   default 3000; 0 picks a free one
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenHandler } from 'intelliprove-widgets/server';

const apiBase = process.env.INTELLIPROVE_API_BASE ?? 'https://engine.intelliprove.com';
const root = fileURLToPath(new URL('./dist/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const CSP = [
  "default-src 'self'",
  `connect-src 'self' ${new URL(apiBase).origin}`,
  "require-trusted-types-for 'script'",
].join('; ');

const tokens = createTokenHandler({
  apiKey: process.env.INTELLIPROVE_API_KEY,
  apiBase,
  // The host's own session decides who is signed in; in this app, always the same user.
  getUser: async () => 'demo@example.com',
});

const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const server = createServer(async (req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === '/api/ip-token') return tokens.node(req, res);

  const path = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
  const type = TYPES[extname(path)];
  const body = path.startsWith(root) && type ? await readFile(path).catch(() => null) : null;
  if (!body) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    return res.end('Not found');
  }
  if (path.endsWith('.html')) {
    const html = body.toString('utf8').replaceAll('{{API_BASE}}', escape(apiBase));
    res.writeHead(200, { 'content-type': type, 'content-security-policy': CSP });
    return res.end(html);
  }
  res.writeHead(200, { 'content-type': type });
  res.end(body);
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://localhost:${server.address().port}`);
});
