import type { UnitSystem } from '../contract.js';

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

// Shared through a global symbol so that two copies of the kit on one page agree.
const KEY = Symbol.for('intelliprove-widgets.config');
function state(): ConfigState {
  const holder = globalThis as unknown as Record<symbol, ConfigState | undefined>;
  return (holder[KEY] ??= { options: {}, listeners: new Set() });
}

/**
 * Sets page-wide defaults for every element; an element's own attribute still wins.
 * Elements already on the page pick up the change.
 */
export function configure(options: KitOptions): void {
  const s = state();
  const defined = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  );
  s.options = { ...s.options, ...defined };
  for (const listener of s.listeners) listener();
}

/** The current page-wide defaults. */
export function pageDefaults(): Readonly<KitOptions> {
  return state().options;
}

/** Calls `listener` after each `configure()`; returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  const s = state();
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}
