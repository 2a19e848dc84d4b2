import { css } from 'lit';

/**
 * The theme: the public `--ip-*` tokens every element shares, with light and dark defaults (a
 * gauge's, a trend's and the plug-in buttons' own tokens are in their elements' styles). Dark
 * applies where the page's `color-scheme` is dark (a page declaring `color-scheme: light dark`
 * follows the user's preference; a page that declares nothing stays light). Styles use the
 * private `--_*` names.
 */
export const baseStyles = css`
  :host {
    --_font: var(--ip-font-family, system-ui, sans-serif);
    --_text: var(--ip-color-text, light-dark(#12263a, #e6edf3));
    --_muted: var(--ip-color-muted, light-dark(#52667a, #9fb0c0));
    --_surface: var(--ip-color-surface, light-dark(#ffffff, #16202b));
    --_border: var(--ip-color-border, light-dark(#d9e2ec, #2c3b4a));
    --_primary: var(--ip-color-primary, light-dark(#0b5cad, #6aa8f0));
    --_focus: var(--ip-color-focus, light-dark(#7fb2ea, #9cc7ff));
    --_danger: var(--ip-color-danger, light-dark(#b3261e, #ff8a80));
    --_track: var(--ip-color-track, light-dark(#e6ecf2, #2a3a4a));
    --_shine: var(--ip-color-skeleton-shine, light-dark(#f3f6f9, #22303d));
    --_radius: var(--ip-radius, 12px);
    --_spacing: var(--ip-spacing, 16px);
    --_border-width: var(--ip-border-width, 1px);
    --_shadow: var(--ip-shadow, 0 1px 2px rgba(16, 38, 58, 0.06));
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [part='base'] {
    background: var(--_surface);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_spacing);
  }
`;
