/**
 * The server half of intelliprove-widgets: the token endpoint a host mounts on its own
 * backend so that the API key never reaches the browser. Node ≥ 20; no browser code.
 */
export { createTokenHandler, DEFAULT_API_BASE } from './token-handler.js';
export { createSahhaTokenHandler, DEFAULT_SAHHA_API_BASE } from './sahha-handler.js';
export type { SahhaTokenHandlerOptions } from './sahha-handler.js';
export type {
  TokenHandler,
  TokenHandlerOptions,
  HandlerOptions,
  GetUser,
  HostRequest,
} from './token-handler.js';
export type { Clock } from './clock.js';
export type {
  TokenRequest,
  TokenResponse,
  TokenPurpose,
  Language,
  UnitSystem,
  DashboardSection,
} from '../protocol/contract.js';
export { cspFor } from './csp.js';
export type { CspOptions, CspDirectives, KitCsp } from './csp.js';
