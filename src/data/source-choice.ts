import { pageDefaults } from '../core/config.js';
import { invalidAttribute } from '../core/errors.js';
import type { IpElement } from '../core/ip-element.js';
import type { SourceTable } from './providers/index.js';
import type { AnySource } from './providers/types.js';

/** The provider of `provider`-less elements, whose API `data-api-base` names. */
export const DEFAULT_PROVIDER = 'intelliprove';

/** An element that reads data: the common attributes and `provider`. */
export type DataHost = IpElement & { provider?: string };

/** The attribute that picks what to show from a provider, its value, and what it names. */
export interface Selection {
  attribute: string;
  key: string | undefined;
  /** 'biomarker', 'score': for the console message that lists the valid values. */
  noun: string;
}

/**
 * Which provider an element reads from and which of its entries it shows, with the
 * `invalid-attribute` errors (naming the valid values) for a provider or entry that is not.
 */
export class SourceChoice<S extends AnySource> {
  constructor(
    private readonly host: DataHost,
    private readonly sources: SourceTable<S>,
    private readonly select: () => Selection,
  ) {}

  /** The provider's name in force: own `provider`, the page's `data-provider`, IntelliProve. */
  get providerName(): string {
    return this.host.provider || pageDefaults().provider || DEFAULT_PROVIDER;
  }

  /** The provider's source, once its code is here (render paths); throws otherwise. */
  loaded(): S {
    return this.#known(this.sources.loaded(this.providerName));
  }

  /** The provider's source, fetching its code if needed. */
  async fetch(): Promise<S> {
    return this.#known(await this.sources.load(this.providerName));
  }

  /** The selected attribute value, or an `invalid-attribute` error listing the valid ones. */
  key(source: S): string {
    const { attribute, key, noun } = this.select();
    if (key && Object.hasOwn(source.entries, key)) return key;
    const valid = Object.keys(source.entries);
    throw invalidAttribute(this.host, attribute, key ?? '', `a ${noun} of ${source.id}`, valid);
  }

  /** What the selected attribute value names in `source`; throws like `key`. */
  entry(source: S): S['entries'][string] {
    return source.entries[this.key(source)] as S['entries'][string];
  }

  #known(source: S | undefined): S {
    if (source) return source;
    const { names } = this.sources;
    throw invalidAttribute(this.host, 'provider', this.providerName, 'a known provider', names);
  }
}
