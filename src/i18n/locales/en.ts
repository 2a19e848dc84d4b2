import type { enCards } from './en-cards.js';
import type { enData } from './en-data.js';
import type { enEmbeds } from './en-embeds.js';
import type { enGauges } from './en-gauges.js';
import type { enRecommendations } from './en-recommendations.js';
import type { enSahha } from './en-sahha.js';

/** English: the source catalog. Every other language must have every key (checked by tsc).
 * Texts every element uses; each element adds its own group below when its module loads,
 * so a page carries only the English it shows. */
export const en = {
  retry: 'Try again',
  'error.signed-out': 'Please sign in first, then try again.',
  'error.missing-token-endpoint': 'This page is not set up for IntelliProve yet.',
  'error.token-endpoint-failed':
    'Your session could not be started. Check your connection and try again.',
  'error.invalid-response': 'The page received an answer it could not use. Please try again later.',
  'error.invalid-attribute': 'This widget is not set up correctly.',
};

/** Every text of every language: the kit's own and the Sahha provider's (loaded with it). */
export type Catalog = Record<
  | keyof typeof en
  | keyof typeof enData
  | keyof typeof enEmbeds
  | keyof typeof enCards
  | keyof typeof enGauges
  | keyof typeof enRecommendations
  | keyof typeof enSahha,
  string
>;
