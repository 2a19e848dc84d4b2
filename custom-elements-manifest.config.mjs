export default {
  // The elements, and the base classes they inherit attributes, properties and events from.
  globs: [
    'src/embeds/*/*.ts',
    'src/data/*/*.ts',
    'src/core/ip-element.ts',
    'src/embeds/plugin-element.ts',
    'src/data/data-element.ts',
  ],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // emit(type, detail) dispatches events by variable name; their names come from @event tags.
      name: 'drop-dynamic-event-names',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events)
              declaration.events = declaration.events.filter((e) => e.name !== 'type');
            // Internal reactive state ({ state: true }) has no attribute.
            const hidden = new Set(
              (declaration.members ?? [])
                .filter((m) => m.privacy === 'private' || m.privacy === 'protected')
                .map((m) => m.name),
            );
            if (declaration.attributes)
              declaration.attributes = declaration.attributes.filter(
                (a) => !hidden.has(a.fieldName),
              );
          }
        }
      },
    },
  ],
};
