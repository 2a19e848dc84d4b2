/**
 * What in a token-endpoint answer looks like a secret that must stay on the server: a field or
 * header named like a key, or a key-shaped string where only the documented fields belong.
 */

/** Names that say a value is a credential of the host's (the action token is the browser's). */
const SECRET_NAME = /api[-_]?key|secret|password|client[-_]?id|account[-_]?token|x-api-key/i;
/** A long run of letters and digits (both) — an API key, a client secret, an account token. */
const KEY_SHAPED = /^(?=.*\d)(?=.*[a-z])[A-Za-z0-9_\-.~+/=]{24,}$/i;
/** The action token may be in a plug-in URL's query: it is meant for the browser. */
const BROWSER_PARAMS = new Set(['action_token']);

/** A JWT (an action token) or a UUID (a user or patient id) is no secret of the host's. */
const isJwt = (value: string) => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(value) && value.startsWith('eyJ');
const isUuid = (value: string) => /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value);
const looksLikeKey = (value: string) => KEY_SHAPED.test(value) && !isJwt(value) && !isUuid(value);

/** Where `body` (a parsed answer) and `headers` hold something secret-looking, as phrases. */
export function secretsIn(body: unknown, headers: Headers): string[] {
  const found: string[] = [];
  for (const [name] of headers) if (SECRET_NAME.test(name)) found.push(`the header "${name}"`);
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${path}[${i}]`));
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (SECRET_NAME.test(key)) found.push(`the field "${at}"`);
        else visit(inner, at);
      }
      return;
    }
    if (typeof value !== 'string') return;
    if (path === 'url' || (path === '' && URL.canParse(value))) {
      for (const [key, inner] of new URL(value).searchParams) {
        if (BROWSER_PARAMS.has(key)) continue;
        if (SECRET_NAME.test(key) || looksLikeKey(inner))
          found.push(`the URL's "${key}" parameter`);
      }
    } else if (path !== 'token' && looksLikeKey(value)) {
      found.push(`the key-shaped value of "${path || 'the body'}"`);
    }
  };
  visit(body, '');
  return found;
}
