import { css } from 'lit';

/** Frame, overlay and spinner shared by the plug-in elements. */
export const pluginStyles = css`
  :host {
    min-width: 330px;
  }
  [part='base'] {
    position: relative;
    padding: 0;
    overflow: hidden;
    min-height: var(--_min-height, 480px);
  }
  [part='frame'] {
    display: block;
    width: 100%;
    min-width: 330px;
    height: var(--_height, 640px);
    min-height: 480px;
    border: 0;
    border-radius: inherit;
  }
  .overlay {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 12px;
    padding: var(--ip-spacing, 16px);
    text-align: center;
    background: var(--ip-color-surface, #fff);
    color: var(--ip-color-text, #12263a);
  }
  [part='error'] p {
    margin: 0;
    max-width: 36ch;
  }
  [part='retry-button'] {
    font: inherit;
    padding: 8px 18px;
    border-radius: 999px;
    border: 1px solid var(--ip-color-primary, #0b5cad);
    background: var(--ip-color-primary, #0b5cad);
    color: var(--ip-color-on-primary, #fff);
    cursor: pointer;
  }
  [part='retry-button']:focus-visible {
    outline: 3px solid var(--ip-color-focus, #7fb2ea);
    outline-offset: 2px;
  }
  .spinner {
    width: 28px;
    height: 28px;
    border-radius: 50%;
    border: 3px solid var(--ip-color-track, #e6ecf2);
    border-top-color: var(--ip-color-primary, #0b5cad);
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
