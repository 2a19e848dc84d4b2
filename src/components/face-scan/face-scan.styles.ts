import { css } from 'lit';

export const faceScanStyles = css`
  :host {
    min-width: 330px;
  }
  [part='base'] {
    min-height: var(--ip-face-scan-min-height, 480px);
  }
`;
