import { LANGUAGES, type Language } from '../protocol/contract.js';
import { pageDefaults } from './config.js';

/** Maps a BCP 47 tag to a supported language: region falls back to language, else `en`. */
export function toLanguage(tag: string | null | undefined): Language {
  const short = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(short) ? (short as Language) : 'en';
}

/** The nearest `[lang]` at or above `el`, crossing shadow roots. */
function inheritedLang(el: Element): string | undefined {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    const value = found?.getAttribute('lang');
    if (value) return value;
    const root = (found ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

/**
 * The language the page asks for, if it asks: the element's own `lang`, the page default
 * (`data-lang` / `configure`), then the nearest `[lang]` ancestor or `<html lang>`.
 */
export function requestedLanguage(el: HTMLElement): string | undefined {
  return el.lang || pageDefaults().lang || inheritedLang(el) || undefined;
}

/**
 * The display language (CONTRACT §3): what the page asks for, else the user's own language
 * (from the token endpoint), else the browser's.
 */
export function resolveLanguage(el: HTMLElement, userLanguage?: string): Language {
  const tag =
    requestedLanguage(el) ||
    userLanguage ||
    (typeof navigator === 'undefined' ? undefined : navigator.language);
  return toLanguage(tag);
}

const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/**
 * Calls `listener` when any `lang` attribute on the page changes (an ancestor's or
 * `<html lang>`), so elements can re-render; returns the unsubscribe function.
 */
export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
