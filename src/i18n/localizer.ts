import type { IpError } from '../core/errors.js';
import type { IpElement } from '../core/ip-element.js';
import { localize, type MessageKey } from './translate.js';

/**
 * An element's texts, in its language (`IpElement.language`), for the element and the views
 * it renders. While a language's texts are on their way it answers '' and redraws the element
 * when they arrive. (It has no lifecycle of its own, so it is not a reactive controller.)
 */
export class Localizer {
  constructor(private readonly host: IpElement) {}

  /** The text for `key`, with `{name}` placeholders filled from `values`. */
  t(key: MessageKey, values?: Record<string, string | number>): string {
    return localize(this.host.language, key, values, () => this.host.requestUpdate());
  }

  /** What an error view says: a 401 from the token endpoint means the user is signed out. */
  errorText(error: IpError): string {
    if (error.code === 'token-endpoint-failed' && error.status === 401)
      return this.t('error.signed-out');
    return this.t(`error.${error.code}` as MessageKey);
  }
}

/** Whether an error view offers a retry: not for a mistake in the page's markup. */
export const canRetry = (error: IpError): boolean =>
  error.code !== 'missing-token-endpoint' && error.code !== 'invalid-attribute';
