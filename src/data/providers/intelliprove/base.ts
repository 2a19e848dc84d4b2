/** What both halves of the IntelliProve provider share. */
export const INTELLIPROVE = {
  id: 'intelliprove',
  defaultApiBase: 'https://engine.intelliprove.com',
  scheme: 'Token',
} as const;
