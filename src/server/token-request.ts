import {
  DASHBOARD_SECTIONS,
  PURPOSES,
  isLanguage,
  type DashboardSection,
  type TokenRequest,
} from '../protocol/contract.js';
import { HttpError } from './http-error.js';

function bad(message: string): HttpError {
  return new HttpError(400, 'invalid-body', message);
}

/**
 * Validates the browser's request body. Only `purpose`, `language` and `disabled_sections`
 * are read: anything else (a smuggled `external_user_id`, say) is ignored, because the user
 * comes from the host's own session alone.
 */
export function parseTokenRequest(body: unknown): TokenRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw bad('Send a JSON object such as {"purpose":"api"}.');
  }
  const { purpose, language, disabled_sections: sections } = body as Record<string, unknown>;
  if (typeof purpose !== 'string' || !(PURPOSES as readonly string[]).includes(purpose)) {
    throw bad(`"purpose" must be one of ${PURPOSES.join(', ')}.`);
  }
  const request: TokenRequest = { purpose: purpose as TokenRequest['purpose'] };
  if (language !== undefined && language !== null) {
    const short =
      typeof language === 'string' ? language.toLowerCase().split(/[-_]/)[0] : undefined;
    if (!isLanguage(short)) throw bad('"language" must be one of en, nl, fr, da, sv.');
    request.language = short;
  }
  if (sections !== undefined && sections !== null) {
    const known = DASHBOARD_SECTIONS as readonly string[];
    if (
      !Array.isArray(sections) ||
      !sections.every((s) => typeof s === 'string' && known.includes(s))
    ) {
      throw bad(`"disabled_sections" must be a list drawn from ${DASHBOARD_SECTIONS.join(', ')}.`);
    }
    if (purpose === 'dashboard')
      request.disabled_sections = [...new Set(sections as DashboardSection[])];
  }
  return request;
}
