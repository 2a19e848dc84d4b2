/**
 * A host for the doctor to check, broken on purpose one way at a time: pages at `/page/<flaw>`
 * (their policies), token endpoints at `/token/<flaw>` (their answers). The endpoints are the
 * kit's server half on the sandbox engine; a flaw changes one thing in what it answers. The
 * session is the header `Cookie: session=ok`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { listen, readBody, type Running } from '../../demo/sandbox/http-util.js';
import type { Sandbox } from '../../demo/sandbox/index.js';
import { createTokenHandler, cspFor } from '../../src/server/index.js';

export const SESSION = 'Cookie: session=ok';

/** How each page's policies differ from what cspFor gives. */
const PAGE_FLAWS: Record<string, (csp: Record<string, string[]>) => Record<string, string>> = {
  good: () => ({}),
  'no-frame-src': ({ 'frame-src': _frames, ...rest }) => ({
    'content-security-policy': join(rest),
  }),
  'no-connect-src-for-the-api': (csp) => ({
    'content-security-policy': join({ ...csp, 'connect-src': ["'self'"] }),
  }),
  'trusted-types-without-lit': (csp) => ({
    'content-security-policy': join({ ...csp, 'trusted-types': ['dompurify'] }),
  }),
  'no-img-src': ({ 'img-src': _images, ...rest }) => ({
    'content-security-policy': join(rest),
  }),
  'camera-for-self-only': () => ({ 'permissions-policy': 'camera=(self), geolocation=()' }),
  'meta-policy-without-the-kit': () => ({}),
};

/** How each token endpoint's answer differs from the server half's. */
type Flaw = (answer: { status: number; headers: Headers; body: string }) => void;
const TOKEN_FLAWS: Record<string, Flaw> = {
  good: () => {},
  'without-no-store': (a) => a.headers.set('cache-control', 'private, max-age=60'),
  'expires-at-without-offset': (a) => {
    const body = JSON.parse(a.body) as { expires_at: string };
    body.expires_at = body.expires_at.replace(/\.\d+Z$|Z$/, '');
    a.body = JSON.stringify(body);
  },
  'answering-html': (a) => {
    a.headers.set('content-type', 'text/html; charset=utf-8');
    a.body = '<!doctype html><h1>Sign in</h1>';
  },
  'redirecting-to-login': (a) => {
    a.status = 302;
    a.headers.set('location', '/login?next=/health');
    a.body = '';
  },
  'leaking-a-key': (a) => {
    const body = JSON.parse(a.body) as Record<string, unknown>;
    body.customer = 'ipk_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a';
    a.body = JSON.stringify(body);
  },
  'too-long-a-url': (a) => {
    const body = JSON.parse(a.body) as { url?: string };
    if (body.url) body.url += `&pad=${'a'.repeat(2 * 1024 * 1024)}`;
    a.body = JSON.stringify(body);
  },
  // Answers whoever asks: the flaw is in getUser (below), not in the answer.
  'without-a-session-too': () => {},
};

const join = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

export const PAGE_FLAW_NAMES = Object.keys(PAGE_FLAWS);
export const TOKEN_FLAW_NAMES = Object.keys(TOKEN_FLAWS);

export async function startBrokenHost(sandbox: Sandbox): Promise<Running> {
  const open = createTokenHandler({
    apiKey: SANDBOX_API_KEY,
    apiBase: sandbox.engine.url,
    getUser: () => 'demo@example.com',
  });
  const guarded = createTokenHandler({
    apiKey: SANDBOX_API_KEY,
    apiBase: sandbox.engine.url,
    getUser: (req) =>
      (req as Request).headers.get('cookie') === 'session=ok' ? 'demo@example.com' : null,
  });
  const { directives } = cspFor(
    {
      apiBase: sandbox.engine.url,
      allowedOrigins: [sandbox.plugins.url],
      recommendations: true,
      requireTrustedTypes: true,
    },
    { 'default-src': ["'self'"] },
  );

  function page(flaw: string, res: ServerResponse): void {
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': join(directives),
      ...PAGE_FLAWS[flaw]!(directives),
    };
    // A second policy, in the page: without the kit's sources, it blocks what the header allows.
    const meta =
      flaw === 'meta-policy-without-the-kit'
        ? `<meta http-equiv="Content-Security-Policy" content="script-src 'self'; connect-src 'self'">`
        : '';
    res.writeHead(200, headers);
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">${meta}
      <script src="/assets/intelliprove-widgets.js" data-token-endpoint="/token/good"
        data-api-base="${sandbox.engine.url}" data-allowed-origins="${sandbox.plugins.url}"></script>
      </head><body><ip-face-scan></ip-face-scan>
      <ip-biomarker-card biomarker="heart_rate"></ip-biomarker-card>
      <ip-recommendations></ip-recommendations></body></html>`);
  }

  async function token(flaw: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const handler = flaw === 'without-a-session-too' ? open : guarded;
    const request = new Request(`http://host${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === 'POST' ? await readBody(req) : undefined,
    });
    const response = await handler.fetch(request);
    const answer = {
      status: response.status,
      headers: new Headers(response.headers),
      body: await response.text(),
    };
    // A login redirect happens with or without the session; the other flaws are in good answers.
    if (response.ok || flaw === 'redirecting-to-login') TOKEN_FLAWS[flaw]!(answer);
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(answer.body);
  }

  return listen((req, res) => {
    const [, kind, flaw = ''] = new URL(req.url ?? '/', 'http://host').pathname.split('/');
    if (kind === 'page' && flaw in PAGE_FLAWS) return page(flaw, res);
    if (kind === 'token' && flaw in TOKEN_FLAWS) return token(flaw, req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  }, 0);
}
