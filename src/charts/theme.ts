/**
 * The colour a theme token resolves to for `host` (e.g. `--_track` → `rgb(230, 236, 242)`),
 * for drawings on canvas (the trend chart). Custom properties holding `light-dark()` or `var()` do not resolve
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
