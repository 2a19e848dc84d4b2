import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Language } from '../protocol/contract.js';
import { enEmbeds } from '../i18n/locales/en-embeds.js';
import { canRetry, type Localizer } from '../i18n/localizer.js';
import { extendEnglish, type MessageKey } from '../i18n/translate.js';
import type { PluginSession } from './plugin-session.js';

extendEnglish(enEmbeds);

export interface PluginViewTexts {
  /** The iframe's title. */
  title: MessageKey;
  /** What the loading overlay says. */
  loading: MessageKey;
}

/**
 * A plug-in element's shadow DOM: the session's iframe (a fresh one for each new URL), with
 * a loading or an error overlay. The retry button starts the session over.
 */
export function pluginView(
  session: PluginSession,
  i18n: Localizer,
  lang: Language,
  texts: PluginViewTexts,
  allow = '',
) {
  const { phase, failure } = session;
  const frame = session.url
    ? keyed(
        session.key,
        html`<iframe
          part="frame"
          src=${session.src}
          title=${i18n.t(texts.title)}
          allow=${allow || nothing}
          referrerpolicy="strict-origin-when-cross-origin"
          @load=${() => session.frameLoaded()}
        ></iframe>`,
      )
    : nothing;
  return html`<div part="base" class="phase-${phase}" lang=${lang}>
    ${frame}
    ${
      phase === 'loading'
        ? html`<div part="status" class="overlay" role="status">
            <span class="spinner" aria-hidden="true"></span>${i18n.t(texts.loading)}
          </div>`
        : nothing
    }
    ${
      phase === 'error' && failure
        ? html`<div part="error" class="overlay" role="alert">
            <p>${i18n.errorText(failure)}</p>
            ${
              canRetry(failure)
                ? html`<button part="retry-button" type="button" @click=${() => session.restart()}>
                    ${i18n.t('retry')}
                  </button>`
                : nothing
            }
          </div>`
        : nothing
    }
  </div>`;
}
