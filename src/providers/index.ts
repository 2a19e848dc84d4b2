import { intelliprove } from './intelliprove.js';
import type { Provider } from './types.js';

/**
 * Data providers by name, as `provider="…"` takes them. IntelliProve ships with the elements;
 * others are chunks of their own, fetched by the pages that use them.
 */
const LOADERS: Readonly<Record<string, () => Promise<Provider>>> = {
  intelliprove: () => Promise.resolve(intelliprove),
  sahha: () => import('./sahha.js').then((m) => m.sahha),
};

const loaded = new Map<string, Provider>([['intelliprove', intelliprove]]);

export const PROVIDER_NAMES = Object.keys(LOADERS);

/** The provider if its code is here already. */
export function loadedProvider(name: string): Provider | undefined {
  return loaded.get(name);
}

/** The provider, fetching its code the first time; undefined for an unknown name. */
export async function loadProvider(name: string): Promise<Provider | undefined> {
  const loader = LOADERS[name];
  if (!loader) return undefined;
  const provider = await loader();
  loaded.set(name, provider);
  return provider;
}

export type { Provider } from './types.js';
