import { css } from 'lit';

export const gaugeStyles = css`
  :host {
    --_below: var(--ip-gauge-color-below, light-dark(#b5461a, #ff9d5c));
    --_around: var(--ip-gauge-color-around, light-dark(#2f6db5, #7fb2ff));
    --_above: var(--ip-gauge-color-above, light-dark(#1f7a4f, #5fd39a));
    --_band: var(--ip-gauge-color-band, color-mix(in srgb, var(--_text) 62%, transparent));
  }
  [part='base'] {
    align-items: stretch;
  }
  .meter {
    position: relative;
    display: flex;
    justify-content: center;
  }
  [part='chart'] {
    position: relative;
    width: 100%;
    max-width: var(--ip-gauge-size, 200px);
    /* The score is sized against the ring (cqi), so large text never spills onto it. */
    container-type: inline-size;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  path {
    fill: none;
    stroke-width: 26;
  }
  .track {
    stroke: var(--_track);
  }
  .arc {
    stroke: var(--_around);
    stroke-dasharray: 100 100;
    transition:
      stroke-dashoffset 600ms ease,
      stroke 600ms ease;
    animation: fill-in 600ms ease-out;
  }
  .zone-below .arc {
    stroke: var(--_below);
  }
  .zone-above .arc {
    stroke: var(--_above);
  }
  /* The confidence band: over the ring, its stroke as wide as gauge-parts' BAND_STROKE. */
  .band {
    stroke: var(--_band);
    stroke-width: 8;
    stroke-linecap: round;
    animation: band-in 300ms ease-out 450ms backwards;
  }
  @keyframes band-in {
    from {
      opacity: 0;
    }
  }
  @media (forced-colors: active) {
    .band {
      stroke: CanvasText;
    }
  }
  /* From empty to the score: the end is the score the element sets. */
  @keyframes fill-in {
    from {
      stroke-dashoffset: 100;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .arc,
    .band {
      transition: none;
      animation: none;
    }
  }
  .value {
    position: absolute;
    bottom: 2px;
    left: 50%;
    transform: translateX(-50%);
    font-size: min(var(--ip-gauge-value-size, 1.8rem), 15cqi);
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }
  .zone {
    text-align: center;
    font-weight: 600;
  }
  .zone-below .zone-text {
    color: var(--_below);
  }
  .zone-around .zone-text {
    color: var(--_around);
  }
  .zone-above .zone-text {
    color: var(--_above);
  }
  .confidence,
  .time {
    text-align: center;
  }
  .about {
    display: flex;
    flex-direction: column;
    gap: 6px;
    margin-top: 4px;
    padding-top: 8px;
    border-top: 1px solid var(--_border);
  }
  .factors ul {
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    font-size: 0.8rem;
  }
  .factors li {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    padding: 2px 0;
    border-top: 1px solid var(--_border);
  }
  .factor-value {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .gauge-skeleton {
    width: 100%;
    max-width: var(--ip-gauge-size, 200px);
    aspect-ratio: 2 / 1;
    align-self: center;
    border-radius: 200px 200px 0 0;
  }
`;
