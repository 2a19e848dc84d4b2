import { DEFAULT_API_BASES } from '../../../protocol/origins.js';

/** What both halves of the IntelliProve provider share. */
export const INTELLIPROVE = {
  id: 'intelliprove',
  defaultApiBase: DEFAULT_API_BASES.intelliprove,
  scheme: 'Token',
} as const;
