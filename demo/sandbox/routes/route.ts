/**
 * What a route of the sandbox engine is: a path (or pattern), the methods it answers and whether
 * it takes only the API key; and what each route gets to answer with — who is asking, the
 * query, the path's parameters, the body, and the engine's store and tokens.
 */
import type { ActionClaims } from '../jwt.js';
import { hashExternalId, type User } from '../model.js';
import type { Store } from '../store.js';
import { LANGUAGES } from '../../../src/protocol/contract.js';
import { fail, missing, oneOf, type Reply } from './reply.js';

/** Who is asking: a customer's API key, or an action token of one of its users. */
export type Auth =
  { kind: 'key'; customer: string } | { kind: 'token'; claims: ActionClaims; user: User };

/** What the engine lends its routes. */
export interface EngineContext {
  store: Store;
  /** Signs an action token for `user`, valid `ttlSeconds`. */
  issueToken(
    user: User,
    scope: ActionClaims['scope'],
    ttlSeconds: number,
    extra?: Partial<ActionClaims>,
  ): string;
  /** Lifetime of the action tokens of `/users/authenticate`, seconds. */
  tokenTtl: number;
  /** Origin of the stand-in plug-ins (503 while they are not running). */
  pluginOrigin(): string;
}

/** One request as a route sees it. */
export interface RouteCall {
  auth: Auth;
  /** The API key's customer, on routes that take only the API key. */
  customer: string;
  query: URLSearchParams;
  /** The path's parameters: the groups of the route's pattern. */
  params: string[];
  /** The JSON body (422 when it is not JSON). */
  body(): Promise<unknown>;
  /** The engine's own origin, as the request named it (for the URLs it hands out). */
  origin: string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type Route = {
  path: string | RegExp;
  /** Only the API key may call it: an action token gets 403 (before a wrong method's 405). */
  keyOnly?: boolean;
} & Partial<Record<Method, (call: RouteCall) => Reply | Promise<Reply>>>;

/** The user a data read is about: the token's own, or `external_user_id` with the API key. */
export function subject(store: Store, auth: Auth, query: URLSearchParams): User {
  const external = query.get('external_user_id');
  if (auth.kind === 'token') {
    if (external !== null && hashExternalId(external) !== auth.user.external_hash) {
      throw fail(403, "An action token can only access its own user's data.");
    }
    return auth.user;
  }
  if (external === null || external === '') throw missing('query', 'external_user_id');
  const user = store.userByExternalId(auth.customer, external);
  if (!user) throw fail(404, 'User not found!');
  return user;
}

/** The customer's user `user`, else 404. */
export function customersUser(user: User | undefined, customer: string): User {
  if (!user || user.customer !== customer) throw fail(404, 'User not found!');
  return user;
}

/** The language asked for (a 422 for one the engine does not speak), else the user's own. */
export function languageOf(user: User, requested: unknown, where: 'query' | 'body'): string {
  if (requested === null || requested === undefined || requested === '')
    return user.language ?? 'en';
  return oneOf(requested, LANGUAGES, [where, 'language']);
}
