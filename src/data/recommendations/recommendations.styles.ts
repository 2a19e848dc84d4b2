import { css } from 'lit';

/**
 * Stacked (a thumbnail beside the text) in a narrow box; a grid of tiles (the image on top)
 * from 560px of the element's own width — a container query, so it follows the space the page
 * gives it, not the window.
 */
export const recommendationStyles = css`
  :host {
    --_gap: var(--ip-recommendations-gap, 12px);
    --_thumb: var(--ip-recommendations-image-size, 72px);
    --_column: var(--ip-recommendations-column-width, 220px);
  }
  [part='base'] {
    gap: 10px;
    container: ip-recommendations / inline-size;
  }
  .list {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  article {
    height: 100%;
    display: grid;
    grid-template-columns: var(--_thumb) minmax(0, 1fr);
    gap: 12px;
    align-items: start;
    padding: 12px;
    border: var(--_border-width) solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
  }
  .image {
    display: block;
    width: 100%;
    aspect-ratio: 1;
    object-fit: cover;
    border-radius: calc(var(--_radius) * 0.5);
    background: var(--_track);
  }
  .placeholder {
    display: grid;
    place-items: center;
    color: var(--_muted);
  }
  .placeholder svg {
    width: 40%;
    height: 40%;
  }
  .text {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  .title {
    margin: 0;
    font-size: var(--ip-recommendations-title-size, 1rem);
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .description {
    font-size: 0.9rem;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  [part='action'] {
    align-self: flex-start;
    margin-top: 4px;
    font-size: 0.9rem;
    font-weight: 600;
    color: var(--_primary);
    text-underline-offset: 2px;
  }
  [part='action']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .item-skeleton {
    height: calc(var(--_thumb) + 24px);
  }
  @container ip-recommendations (min-width: 560px) {
    .list {
      grid-template-columns: repeat(auto-fill, minmax(min(var(--_column), 100%), 1fr));
    }
    article {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto 1fr;
    }
    .image {
      aspect-ratio: 16 / 9;
    }
  }
`;
