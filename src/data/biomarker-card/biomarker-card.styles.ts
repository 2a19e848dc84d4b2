import { css } from 'lit';

export const cardStyles = css`
  :host {
    --_line: var(--ip-chart-line, var(--_primary));
    --_fill: var(--ip-chart-fill, light-dark(rgba(11, 92, 173, 0.12), rgba(106, 168, 240, 0.18)));
  }
  .reading {
    display: flex;
    align-items: baseline;
    gap: 6px;
    flex-wrap: wrap;
  }
  .value {
    font-size: var(--ip-card-value-size, 2rem);
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
  }
  .unit {
    font-size: 0.95rem;
    color: var(--_muted);
  }
  .value-skeleton {
    width: 60%;
    height: 2.2rem;
    margin: 2px 0;
  }
  .time-skeleton {
    width: 45%;
    height: 0.8rem;
  }
  .chart {
    position: relative;
    height: var(--ip-card-chart-height, 90px);
    margin-top: 6px;
  }
  .chart canvas {
    position: absolute;
    inset: 0;
  }
`;
