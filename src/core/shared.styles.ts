import { css } from 'lit';

/** Look shared by every element; themed through `--ip-*` custom properties. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--ip-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--ip-color-text, #12263a);
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
    background: var(--ip-color-surface, #fff);
    border: var(--ip-border-width, 1px) solid var(--ip-color-border, #d9e2ec);
    border-radius: var(--ip-radius, 12px);
    padding: var(--ip-spacing, 16px);
  }
`;
