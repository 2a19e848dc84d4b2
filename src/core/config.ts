import type { UnitSystem } from '../protocol/contract.js';

/** Page-wide defaults: the kit script's `data-*` attributes, or `configure()` in bundler apps. */
export interface KitOptions {
  tokenEndpoint?: string;
  apiBase?: string;
  lang?: string;
  unitSystem?: UnitSystem;
  /** Extra trusted plug-in origins, space-separated or a list. */
  allowedOrigins?: string | string[];
  provider?: string;
  credentials?: RequestCredentials;
}

interface ConfigState {
  options: KitOptions;
  listeners: Set<() => void>;
}

// Page-wide: one copy of this module per page (the script-tag build shares it between chunks).
const config: ConfigState = { options: {}, listeners: new Set() };

/**
 * Sets page-wide defaults for every element; an element's own attribute still wins.
 * Elements already on the page pick up the change.
 */
export function configure(options: KitOptions): void {
  const s = config;
  const defined = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  );
  s.options = { ...s.options, ...defined };
  for (const listener of s.listeners) listener();
}

/** The current page-wide defaults. */
export function pageDefaults(): Readonly<KitOptions> {
  return config.options;
}

/** Calls `listener` after each `configure()`; returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  const s = config;
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}
