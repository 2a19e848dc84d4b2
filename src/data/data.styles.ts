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
    box-shadow: var(--_shadow);
  }
  .label {
    font-size: var(--ip-label-size, 0.85rem);
    font-weight: 600;
    color: var(--_muted);
  }
  p {
    margin: 0;
  }
  .hint,
  .time {
    font-size: 0.8rem;
    color: var(--_muted);
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
    color: var(--_danger);
  }
  [part='retry-button'] {
    align-self: flex-start;
    font: inherit;
    font-size: 0.85rem;
    padding: 4px 14px;
    border-radius: 999px;
    border: 1px solid var(--_primary);
    background: transparent;
    color: var(--_primary);
    cursor: pointer;
  }
  [part='retry-button']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .skeleton {
    display: block;
    border-radius: 6px;
    background: linear-gradient(90deg, var(--_track), var(--_shine), var(--_track));
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
