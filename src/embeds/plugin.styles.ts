import { css } from 'lit';

/** Frame, overlay and spinner shared by the plug-in elements. */
export const pluginStyles = css`
  :host {
    --_on-primary: var(--ip-color-on-primary, light-dark(#ffffff, #0b1a2a));
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
    padding: var(--_spacing);
    text-align: center;
    background: var(--_surface);
    color: var(--_text);
  }
  [part='error'] p {
    margin: 0;
    max-width: 36ch;
  }
  [part='retry-button'] {
    font: inherit;
    padding: 8px 18px;
    border-radius: 999px;
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
  }
  [part='retry-button']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .spinner {
    width: 28px;
    height: 28px;
    border-radius: 50%;
    border: 3px solid var(--_track);
    border-top-color: var(--_primary);
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
