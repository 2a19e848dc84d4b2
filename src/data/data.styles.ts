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
  /* The shine is a band that slides across: a transform, which the compositor moves on its own
     (an animated background-position would repaint every skeleton of the page on its main
     thread, sixty times a second: twice the CPU, measured in headless Chromium). */
  .skeleton {
    display: block;
    position: relative;
    overflow: hidden;
    border-radius: 6px;
    background: var(--_track);
  }
  .skeleton::after {
    content: '';
    position: absolute;
    inset: 0;
    background: linear-gradient(90deg, transparent, var(--_shine), transparent);
    transform: translateX(-100%);
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
    to {
      transform: translateX(100%);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton::after {
      display: none;
    }
  }
`;
