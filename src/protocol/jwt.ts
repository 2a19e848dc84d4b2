/**
 * When a JSON Web Token says it expires: read by the browser kit (a token-endpoint answer
 * without `expires_at`) and by the server half (an upstream token, a plug-in URL's action
 * token). Unverified: it tells when to ask again, never whether to trust the token. No DOM, no
 * Node: `atob` and `TextDecoder` are in both.
 */

/**
 * The `exp` claim of `token` in ms since 1970: undefined when the token is no JWT or claims no
 * `exp`, NaN when its `exp` is there but is not a finite number of seconds.
 */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  let exp: unknown;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    exp = (JSON.parse(json) as { exp?: unknown } | null)?.exp;
  } catch {
    return undefined;
  }
  if (exp === undefined) return undefined;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : NaN;
}
