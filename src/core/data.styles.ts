import { css } from 'lit';

/** Labels, messages and loading skeletons shared by cards and gauges. */
export const dataStyles = css`
  :host {
    min-width: 180px;
  }
  [part='base'] {
    height: 100%;
    display: flex;
    flex-direction: column;
    gap: 4px;
    box-shadow: var(--ip-shadow, 0 1px 2px rgba(16, 38, 58, 0.06));
  }
  .label {
    font-size: var(--ip-label-size, 0.85rem);
    font-weight: 600;
    color: var(--ip-color-muted, #52667a);
  }
  p {
    margin: 0;
  }
  .hint,
  .time {
    font-size: 0.8rem;
    color: var(--ip-color-muted, #52667a);
  }
  .message {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .empty-title {
    font-size: 1.05rem;
    font-weight: 600;
  }
  [part='error'] p {
    color: var(--ip-color-danger, #b3261e);
  }
  [part='retry-button'] {
    align-self: flex-start;
    font: inherit;
    font-size: 0.85rem;
    padding: 4px 14px;
    border-radius: 999px;
    border: 1px solid var(--ip-color-primary, #0b5cad);
    background: transparent;
    color: var(--ip-color-primary, #0b5cad);
    cursor: pointer;
  }
  [part='retry-button']:focus-visible {
    outline: 3px solid var(--ip-color-focus, #7fb2ea);
    outline-offset: 2px;
  }
  .skeleton {
    display: block;
    border-radius: 6px;
    background: linear-gradient(
      90deg,
      var(--ip-color-track, #e6ecf2) 0%,
      var(--ip-color-skeleton-shine, #f3f6f9) 50%,
      var(--ip-color-track, #e6ecf2) 100%
    );
    background-size: 200% 100%;
    animation: shine 1.4s ease-in-out infinite;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @keyframes shine {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
