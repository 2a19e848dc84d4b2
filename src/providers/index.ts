import { intelliprove } from './intelliprove.js';
import type { Provider } from './types.js';

/** Data providers by name, as `provider="…"` takes them. */
export const PROVIDERS: Readonly<Record<string, Provider>> = { intelliprove };

export type { Provider } from './types.js';
