/**
 * Sessions: everything the page keeps for a token endpoint (its token, the API answers read
 * with it, the user's stored preferences) belongs to the session that fetched it, and goes
 * with it (CONTRACT §4 "Sessions"):
 * - when the last element of a token endpoint leaves the page — after the current task, so
 *   that moving an element or React StrictMode's remount keeps it;
 * - on `clearSession()`, or `ip-clear-session` on `document` (from any copy of the kit):
 *   every token and answer is dropped, and every mounted element starts over.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Language } from '../protocol/contract.js';
import { endpointKey } from './endpoint-key.js';
import { forgetHandedOver } from './handover.js';
import type { TokenGrant } from './token-grant.js';

/** The event, on `document`, that ends the session for every copy of the kit on the page. */
export const CLEAR_SESSION_EVENT = 'ip-clear-session';

export interface TokenSource {
  tokenEndpoint: string;
  credentials?: RequestCredentials;
  language?: Language;
}

/** The token of a session: pending, or granted and good until `renewAt`. */
export interface TokenEntry {
  promise: Promise<TokenGrant>;
  controller: AbortController;
  grant?: TokenGrant;
  /** When the token stops working (ms). */
  expiresAt: number;
  /** When to ask for the next one (ms). */
  renewAt: number;
}

/** What the page keeps for one token endpoint (and credentials mode). */
export interface EndpointSession {
  /** The token endpoint as an absolute URL. */
  readonly endpoint: string;
  /** Elements of this endpoint on the page. */
  members: number;
  token?: TokenEntry;
  /** API answers, by request, while an element shows them. */
  readonly answers: Map<string, { abort(): void }>;
}

interface PageSessions {
  /** Bumped by every `clearSession()`: what elements read before belongs to the last user. */
  epoch: number;
  readonly sessions: Map<string, EndpointSession>;
  readonly cleared: Set<() => void>;
}

// Page-wide: one copy of this module per page (the script-tag build shares it between chunks).
// Other copies of the kit clear theirs on the same document event.
const state: PageSessions = { epoch: 0, sessions: new Map(), cleared: new Set() };
if (typeof document !== 'undefined')
  document.addEventListener(CLEAR_SESSION_EVENT, () => endAll(state));

const sessionKey = (source: TokenSource) =>
  `${endpointKey(source.tokenEndpoint)}|${source.credentials ?? 'same-origin'}`;

function end(session: EndpointSession): void {
  session.token?.controller.abort();
  session.token = undefined;
  for (const answer of session.answers.values()) answer.abort();
  session.answers.clear();
}

function endAll(state: PageSessions): void {
  state.epoch++;
  forgetHandedOver();
  for (const session of state.sessions.values()) end(session);
  state.sessions.clear();
  for (const listener of [...state.cleared]) listener();
}

/** Drops a session nobody is a member of any more, once the current task is over. */
function sweepLater(key: string, session: EndpointSession): void {
  setTimeout(() => {
    const { sessions } = state;
    if (session.members > 0 || sessions.get(key) !== session) return;
    end(session);
    sessions.delete(key);
  });
}

/** The session under `key`, begun if there is none (`fresh` tells which). */
function open(key: string): [EndpointSession, fresh: boolean] {
  const { sessions } = state;
  const found = sessions.get(key);
  if (found) return [found, false];
  const session = { endpoint: key.slice(0, key.lastIndexOf('|')), members: 0, answers: new Map() };
  sessions.set(key, session);
  return [session, true];
}

/** The session of `source`'s token endpoint, begun if there is none. */
export function sessionOf(source: TokenSource): EndpointSession {
  const key = sessionKey(source);
  const [session, fresh] = open(key);
  if (fresh) sweepLater(key, session); // begun by a read that no element joins: not kept
  return session;
}

/** Sessions of `tokenEndpoint`, whatever their credentials mode. */
export function sessionsOf(tokenEndpoint: string): EndpointSession[] {
  const endpoint = endpointKey(tokenEndpoint);
  return [...state.sessions.values()].filter((session) => session.endpoint === endpoint);
}

/**
 * Runs `listener` on every `clearSession()` until the function it returns is called — also
 * while its element is off the page, which a `SessionMember` is not told of.
 */
export function onSessionCleared(listener: () => void): () => void {
  const { cleared } = state;
  const own = () => listener(); // a function of its own: one listener added twice is two
  cleared.add(own);
  return () => cleared.delete(own);
}

/** The number of `clearSession()` calls so far: what is read before a change belongs to another user. */
export const sessionEpoch = () => state.epoch;

/**
 * Ends the session on this page, for sign-out and account switches: every token and answer the
 * page holds is dropped, in every copy of the kit on the page, and every mounted element starts
 * over (data elements show loading, then the new session's data; embeds load a new URL).
 */
export function clearSession(): void {
  if (typeof document !== 'undefined') document.dispatchEvent(new Event(CLEAR_SESSION_EVENT));
}

/** How many API answers the page keeps now (for tests and benchmarks). */
export const keptAnswers = () =>
  [...state.sessions.values()].reduce((sum, session) => sum + session.answers.size, 0);

/**
 * An element's membership of its token endpoint's session, as a reactive controller: joined
 * while the element is on the page with that endpoint; `onClear` runs on `clearSession()`.
 */
export class SessionMember implements ReactiveController {
  #key?: string;
  #session?: EndpointSession;
  #connected = false;
  #stop?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly onClear: () => void,
  ) {
    host.addController(this);
  }

  /** The token endpoint the element uses now. */
  use(source: TokenSource | undefined): void {
    const key = source && sessionKey(source);
    if (key === this.#key && this.#session && state.sessions.get(key!) === this.#session) return;
    this.#leave();
    this.#key = key;
    if (this.#connected) this.#join();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#stop = onSessionCleared(this.onClear);
    this.#join();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop?.();
    this.#leave();
  }

  #join(): void {
    if (this.#key === undefined || this.#session) return;
    const [session] = open(this.#key);
    session.members++;
    this.#session = session;
  }

  #leave(): void {
    const session = this.#session;
    if (!session) return;
    this.#session = undefined;
    if (--session.members === 0) sweepLater(this.#key!, session);
  }
}
