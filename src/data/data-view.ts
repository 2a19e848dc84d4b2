import { html, nothing, type TemplateResult } from 'lit';
import { enData } from '../i18n/locales/en-data.js';
import { canRetry, type Localizer } from '../i18n/localizer.js';
import { extendEnglish, type MessageKey } from '../i18n/translate.js';
import type { IpError } from '../core/errors.js';

extendEnglish(enData);

/** While the first reading is on its way: the label, the element's skeleton, and a status. */
export function loadingView(i18n: Localizer, label: string, skeleton: TemplateResult) {
  return html`<span part="label" class="label">${label}</span> ${skeleton}
    <span class="visually-hidden" role="status">${i18n.t('state.loading')}</span>`;
}

/** Nothing to show: "no scan yet", "not available"… with a hint. */
export function emptyView(i18n: Localizer, label: string, title: MessageKey, hint: MessageKey) {
  return html`<div part="empty" class="message">
    <span part="label" class="label">${label}</span>
    <p class="empty-title">${i18n.t(title)}</p>
    <p class="hint">${i18n.t(hint)}</p>
  </div>`;
}

/** A failure, in words, with a retry button unless the page's markup is what is wrong. */
export function errorView(i18n: Localizer, label: string, failure: IpError, retry: () => void) {
  return html`<div part="error" class="message" role="alert">
    ${label ? html`<span part="label" class="label">${label}</span>` : nothing}
    <p>${i18n.errorText(failure)}</p>
    ${
      canRetry(failure)
        ? html`<button part="retry-button" type="button" @click=${retry}>
            ${i18n.t('retry')}
          </button>`
        : nothing
    }
  </div>`;
}
