import type { AnySource } from './types.js';

/** The providers one kind of element can read from, by name, as `provider="…"` takes them. */
export interface SourceTable<S> {
  readonly names: readonly string[];
  /** The source if its code is here already (render paths). */
  loaded(name: string): S | undefined;
  /** The source, fetching its code the first time; undefined for an unknown name. */
  load(name: string): Promise<S | undefined>;
}

/**
 * A table of sources: each either here already (IntelliProve ships with the elements) or a
 * loader for a chunk of its own, fetched by the pages that use that provider.
 */
export function sourceTable<S extends AnySource>(
  sources: Readonly<Record<string, S | (() => Promise<S>)>>,
): SourceTable<S> {
  const loaded = new Map<string, S>();
  for (const [name, source] of Object.entries(sources))
    if (typeof source !== 'function') loaded.set(name, source);
  return {
    names: Object.keys(sources),
    loaded: (name) => loaded.get(name),
    async load(name) {
      // Own names only: `provider="constructor"` is unknown, not Object.prototype's.
      if (!loaded.has(name) && Object.hasOwn(sources, name))
        loaded.set(name, await (sources[name] as () => Promise<S>)());
      return loaded.get(name);
    },
  };
}

export type * from './types.js';
