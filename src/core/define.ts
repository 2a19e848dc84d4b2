import { VERSION } from './version.js';

/**
 * Registers `tag` once. Defining again (the script included twice, two copies of the kit) is a
 * no-op; a different version already registered is reported, since only one can own the tag.
 * Does nothing where there is no `customElements` (server-side rendering).
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
    return;
  }
  if (existing === element) return;
  const theirs = (existing as unknown as { version?: string }).version;
  if (theirs !== VERSION) {
    console.warn(
      `[intelliprove-widgets] <${tag}> is already defined by version ${theirs ?? 'unknown'}; ` +
        `this copy (${VERSION}) is not used. Include the kit once per page.`,
    );
  }
}
