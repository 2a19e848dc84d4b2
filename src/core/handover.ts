import { endpointKey } from './endpoint-key.js';

/** A token request the script-tag loader started before the elements' code was here. */
export interface HandedOver {
  /** The token endpoint, as an absolute URL. */
  endpoint: string;
  credentials: RequestCredentials;
  /** The request body, as JSON. */
  body: string;
  response: Promise<Response>;
  /** Aborts it: nobody took it in time, its session ended, or its element gave up on it. */
  controller: AbortController;
}

/** Token requests started by the loader, until an element takes them (or the session ends). */
let handedOver: HandedOver[] = [];

/** How long a token request the loader started waits for its element. */
const HANDED_OVER_MS = 10_000;

/** Keeps the loader's token requests for the elements that will ask the same. */
export function handOver(requests: readonly HandedOver[]): void {
  handedOver.push(...requests);
  setTimeout(() => {
    for (const request of requests) if (handedOver.includes(request)) request.controller.abort();
    handedOver = handedOver.filter((request) => !requests.includes(request));
  }, HANDED_OVER_MS);
}

/**
 * The loader's request for what an element is about to ask `endpoint`, taken (once) if there
 * is one. An API token is the same whatever language the asking element speaks.
 */
export function takeHandedOver(
  endpoint: string,
  credentials: RequestCredentials,
  body: { purpose: string },
): HandedOver | undefined {
  const href = endpointKey(endpoint);
  const json = JSON.stringify(body);
  const index = handedOver.findIndex(
    (request) =>
      request.endpoint === href &&
      request.credentials === credentials &&
      (body.purpose === 'api' ? JSON.parse(request.body).purpose === 'api' : request.body === json),
  );
  return index < 0 ? undefined : handedOver.splice(index, 1)[0];
}

/** Drops the loader's requests that no element took: they belong to the session that ended. */
export function forgetHandedOver(): void {
  for (const request of handedOver) request.controller.abort();
  handedOver = [];
}
