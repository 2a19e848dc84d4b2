import { html, nothing, svg, type PropertyDeclarations, type TemplateResult } from 'lit';
import { IpError, invalidAttribute } from '../../core/errors.js';
import { IpElement } from '../../core/ip-element.js';
import { requestedLanguage, resolveLanguage, toLanguage } from '../../core/language.js';
import { baseStyles } from '../../core/shared.styles.js';
import { enRecommendations } from '../../i18n/locales/en-recommendations.js';
import { extendEnglish } from '../../i18n/translate.js';
import { METRICS } from '../../protocol/health.js';
import { userPreferences } from '../api-client.js';
import { dataStyles } from '../data.styles.js';
import { sourceTable } from '../providers/index.js';
import { intelliproveRecommendations } from '../providers/intelliprove/recommendations.js';
import type { Recommendation, RecommendationSource } from '../providers/types.js';
import { Reading } from '../reading.js';
import { recommendationStyles } from './recommendations.styles.js';

/** Only IntelliProve has recommendations: `provider="sahha"` names it as the one to use. */
const SOURCES = sourceTable<RecommendationSource>({ intelliprove: intelliproveRecommendations });

/** What stands in for an image that is missing, refused or broken: a neutral leaf. */
const PLACEHOLDER = svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M5 19c0-8 5-13 14-14-1 9-6 14-14 14z"/><path d="M5 19l7-7"/></svg>`;

/**
 * @tagname ip-recommendations
 * @summary IntelliProve's recommendations for the user, most relevant first: title,
 * description, image and action link each, stacked in a narrow box and a grid in a wide one.
 *
 * @csspart base - The element's box.
 * @csspart label - "Recommendations".
 * @csspart list - The list (`<ul>`).
 * @csspart item - One recommendation (`<li>`).
 * @csspart image - Its image, or the placeholder where it has none.
 * @csspart title - Its title (a heading).
 * @csspart description - Its text.
 * @csspart action - Its link (opens in a new tab).
 * @csspart empty - The "no recommendations yet" message.
 * @csspart error - The error message.
 * @csspart retry-button - The error's retry button.
 *
 * @cssprop --ip-color-surface - Background.
 * @cssprop --ip-color-text - Text colour.
 * @cssprop --ip-color-muted - The descriptions' colour.
 * @cssprop --ip-color-border - Border colour (the box and each item).
 * @cssprop --ip-color-primary - The action links.
 * @cssprop --ip-color-track - The image placeholder's background.
 * @cssprop --ip-radius - Corner radius.
 * @cssprop --ip-spacing - Inner spacing.
 * @cssprop --ip-recommendations-gap - Space between the items (default 12px).
 * @cssprop --ip-recommendations-image-size - The thumbnail's size when stacked (default 72px).
 * @cssprop --ip-recommendations-column-width - Narrowest column of the grid (default 220px).
 * @cssprop --ip-recommendations-title-size - Font size of the titles.
 */
export class IpRecommendations extends IpElement {
  static override properties: PropertyDeclarations = {
    provider: {},
    limit: { type: Number },
    relatedMetric: { attribute: 'related-metric' },
  };

  static {
    extendEnglish(enRecommendations);
  }

  static override styles = [baseStyles, dataStyles, recommendationStyles];

  /** Data provider: `intelliprove`, the only one with recommendations (default). Default: `data-provider`. */
  declare provider?: string;

  /** Show at most this many (the most relevant). Default: all. */
  declare limit?: number;

  /** Only the recommendations for this metric: `energy_balance`, `general_fitness`, `hypertension`, `mental_health_risk`, `mental_stress` or `sleep_quality`. */
  declare relatedMetric?: string;

  /** Images that failed to load: the placeholder stands in for them. */
  #broken = new Set<string>();

  /** The list: read, held while shown, read again after a scan, for a new session or language. */
  readonly #reading = new Reading<Recommendation[], RecommendationSource>(this, {
    sources: SOURCES,
    select: () => ({ attribute: 'provider', key: 'recommendations', noun: 'list' }),
    // The language is the API's: another one is another list. What is wrong with `limit` or
    // `related-metric`, if anything, so that the error names it and setting them right reads;
    // their values only choose from what was read.
    args: () => [this.#askedLanguage(), this.#problem()],
    read: async (source, key, context) => {
      // The page's language, else the user's own (from the token): the texts around the list's.
      const { language } = await userPreferences(context);
      return source.read(context, key, { language: resolveLanguage(this, language) });
    },
    check: () => this.#check(),
    isEmpty: (list) => this.#chosen(list).length === 0,
    view: (list) => this.#view(list),
    skeleton: () =>
      html`<span class="skeleton item-skeleton" aria-hidden="true"></span>
        <span class="skeleton item-skeleton" aria-hidden="true"></span>`,
  });

  /** Reads the recommendations again, fresh from the API. */
  reload(): void {
    this.#reading.reload();
  }

  override render() {
    return this.#reading.render();
  }

  /** The language the page asks for, as the API takes it; undefined: the user's own. */
  #askedLanguage() {
    const asked = requestedLanguage(this);
    return asked ? toLanguage(asked) : undefined;
  }

  /** What `#check` says is wrong with the attributes: '' when nothing is. */
  #problem(): string {
    try {
      this.#check();
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  }

  #check(): void {
    const { limit, relatedMetric } = this;
    if (limit !== undefined && limit !== null && !(Number.isInteger(limit) && limit >= 1))
      throw new IpError(
        'invalid-attribute',
        `<ip-recommendations> limit="${this.getAttribute('limit') ?? limit}" is not a number of recommendations; use e.g. limit="3".`,
      );
    if (relatedMetric && !(METRICS as readonly string[]).includes(relatedMetric))
      throw invalidAttribute(this, 'related-metric', relatedMetric, 'a metric', METRICS);
  }

  /** What the attributes choose from the list: its metric's, the most relevant `limit`. */
  #chosen(list: Recommendation[]): Recommendation[] {
    const metric = this.relatedMetric;
    const mine = metric ? list.filter((item) => item.relatedMetric === metric) : list;
    return this.limit ? mine.slice(0, this.limit) : mine;
  }

  #view(list: Recommendation[]): TemplateResult {
    const chosen = this.#chosen(list);
    if (!chosen.length) return this.#reading.emptyView();
    return html`<span part="label" class="label" id="label">${this.#reading.label()}</span>
      <ul part="list" class="list" aria-labelledby="label">
        ${chosen.map((item, index) => this.#item(item, `title-${index}`))}
      </ul>`;
  }

  #item(item: Recommendation, id: string): TemplateResult {
    const { i18n } = this.#reading;
    const image = item.imageUrl && !this.#broken.has(item.imageUrl) ? item.imageUrl : null;
    return html`<li part="item" class="item">
      <article aria-labelledby=${id}>
        ${
          image
            ? html`<img
                part="image"
                class="image"
                loading="lazy"
                decoding="async"
                src=${image}
                alt=${item.title}
                @error=${() => this.#failed(image)}
              />`
            : html`<span part="image" class="image placeholder" aria-hidden="true"
                >${PLACEHOLDER}</span
              >`
        }
        <div class="text">
          <h3 part="title" class="title" id=${id}>${item.title}</h3>
          ${
            item.description
              ? html`<p part="description" class="description">${item.description}</p>`
              : nothing
          }
          ${
            item.actionUrl
              ? html`<a
                  part="action"
                  href=${item.actionUrl}
                  target="_blank"
                  rel="noopener"
                  aria-describedby=${id}
                  >${item.actionText ?? i18n.t('recommendations.action')}<span
                    class="visually-hidden"
                  >
                    ${i18n.t('recommendations.new-tab')}</span
                  ></a
                >`
              : nothing
          }
        </div>
      </article>
    </li>`;
  }

  /** An image that did not load (gone, refused by the page's CSP): the placeholder instead. */
  #failed(url: string): void {
    this.#broken.add(url);
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-recommendations': IpRecommendations;
  }
}
