/**
 * Tells elements that draw on canvas when the page's theme may have changed: the colour
 * scheme preference, or a class/style/data-theme change on <html> or <body>. One observer for
 * the page, present while someone listens.
 */
const listeners = new Set<() => void>();
let stop: (() => void) | undefined;

function start(): () => void {
  const notify = () => listeners.forEach((listener) => listener());
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', notify);
  const observer = new MutationObserver(notify);
  const options = {
    attributes: true,
    attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme'],
  };
  observer.observe(document.documentElement, options);
  if (document.body) observer.observe(document.body, options);
  return () => {
    scheme.removeEventListener('change', notify);
    observer.disconnect();
  };
}

export function onThemeChange(listener: () => void): () => void {
  listeners.add(listener);
  stop ??= start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stop?.();
      stop = undefined;
    }
  };
}
