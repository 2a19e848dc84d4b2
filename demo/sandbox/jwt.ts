/** HS256 JSON Web Tokens, as the sandbox engine signs its action tokens. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ActionClaims {
  /** IntelliProve user id (uuid). */
  sub: string;
  /** Customer the user belongs to. */
  cus: string;
  /** What the token was made for: browser API access or a plug-in session. */
  scope: 'api' | 'face-scan' | 'dashboard';
  /** Language the plug-in should speak. */
  lang?: string;
  /** Dashboard sections switched off. */
  ds?: string[];
  iat: number;
  exp: number;
  jti: string;
}

const b64 = (input: string | Buffer) => Buffer.from(input).toString('base64url');

export function sign(claims: ActionClaims, secret: string): string {
  const head = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64(JSON.stringify(claims));
  const mac = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${mac}`;
}

export type VerifyResult =
  { ok: true; claims: ActionClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/** Checks the signature and `exp` (against `now`, seconds). */
export function verify(token: string, secret: string, now = Date.now() / 1000): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [head, body, mac] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'signature' };
  let claims: ActionClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ActionClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.exp !== 'number' || claims.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
