/**
 * What the engine derives from a user's scans and answers: `/v2/metrics`,
 * `/v2/userprofiles/wellbeing` and `/v2/recommendations` (action token or API key).
 */
import { CATALOG } from '../recommendations.js';
import { languageOf, subject, type EngineContext, type Route } from './route.js';
import { okOrEmpty, Reply } from './reply.js';

/** Where the engine serves the recommendations' images and their tracking links (engine.ts). */
export const IMAGES_PATH = '/sandbox/images/';
export const TRACKING_PATH = '/v2/tracking/';

type Language = keyof (typeof CATALOG)[0]['text'];

const ACTION_TEXT: Record<Language, string> = {
  en: 'Take me there',
  nl: 'Breng me erheen',
  fr: 'Y aller',
  da: 'Vis mig',
  sv: 'Visa mig',
};

export const resultRoutes = ({ store }: EngineContext): Route[] => [
  {
    path: '/v2/metrics',
    GET: ({ auth, query }) => okOrEmpty(store.metricsOf(subject(store, auth, query).user_id)),
  },
  {
    path: '/v2/userprofiles/wellbeing',
    GET: ({ auth, query }) => okOrEmpty(store.wellbeingOf(subject(store, auth, query).user_id)),
  },
  {
    path: '/v2/recommendations',
    GET({ auth, query, origin }) {
      const user = subject(store, auth, query);
      const language = languageOf(user, query.get('language'), 'query') as Language;
      const metrics = store.metricsOf(user.user_id)?.metrics;
      // No scans yet, nothing to go on: an empty list (a user the engine knows nothing of).
      if (!metrics) return new Reply(200, { recommendations: [] });
      // The ones for the user's weakest metrics, weakest first.
      const ranked = CATALOG.map((entry) => ({
        entry,
        score: metrics[entry.related_metric]?.score ?? 40,
      }))
        .filter(({ score }) => score < 65)
        .sort((a, b) => a.score - b.score);
      return new Reply(200, {
        recommendations: ranked.map(({ entry }, index) => ({
          title: entry.text[language][0],
          description: entry.text[language][1],
          // As IntelliProve's: a tracking link on the engine, and an image it serves.
          action_url: `${origin}${TRACKING_PATH}${entry.lookup_key}?language=${language}`,
          action_text: ACTION_TEXT[language],
          image_url: `${origin}${IMAGES_PATH}${entry.related_metric}.svg`,
          related_metric: entry.related_metric,
          relevance: index + 1,
          lookup_key: entry.lookup_key,
        })),
      });
    },
  },
];
