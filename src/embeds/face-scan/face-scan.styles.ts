import { css } from 'lit';

export const faceScanStyles = css`
  [part='base'] {
    --_height: var(--ip-face-scan-height, 640px);
    --_min-height: 480px;
  }
`;
