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

/**
 * The colour a theme token resolves to for `host` (e.g. `--_track` → `rgb(230, 236, 242)`),
 * for drawings on canvas. Custom properties holding `light-dark()` or `var()` do not resolve
 * when read, so a hidden probe in the shadow root applies them to `color` (through the CSSOM,
 * which a strict CSP allows).
 */
export function themeColor(host: HTMLElement, token: string): string {
  const root = host.shadowRoot!;
  let probe = root.querySelector<HTMLElement>(':scope > .swatch');
  if (!probe) {
    probe = document.createElement('span');
    probe.className = 'swatch';
    probe.hidden = true;
    root.append(probe);
  }
  probe.style.color = `var(${token})`;
  return getComputedStyle(probe).color;
}
