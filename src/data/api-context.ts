import { pageDefaults } from '../core/config.js';
import type { Deadline } from '../core/deadline.js';
import { missingTokenEndpoint } from '../core/errors.js';
import { requestedLanguage, toLanguage } from '../core/language.js';
import type { ApiContext } from './api-client.js';
import type { AnySource } from './providers/types.js';
import type { Lease } from './shared-request.js';
import { DEFAULT_PROVIDER, type DataHost } from './source-choice.js';

/**
 * Where and how `host` reads from `source`: its token endpoint and credentials, the provider's
 * API and scheme, the language it asks for; `signal` and `deadline` end its wait. Throws when
 * the host is misconfigured.
 */
export function apiContextFor(
  host: DataHost,
  source: AnySource,
  lease: Lease,
  signal: AbortSignal,
  deadline?: Deadline,
): ApiContext {
  const where = host.tokenSource();
  if (!where) throw missingTokenEndpoint(host.localName);
  const requested = requestedLanguage(host);
  return {
    ...where,
    // The page's api-base is IntelliProve's (CONTRACT §3): another provider's token never goes there.
    apiBase:
      host.apiBase ||
      (source.id === DEFAULT_PROVIDER ? pageDefaults().apiBase : undefined) ||
      source.defaultApiBase,
    scheme: source.scheme,
    lease,
    signal,
    deadline,
    ...(requested ? { language: toLanguage(requested) } : {}),
  };
}
