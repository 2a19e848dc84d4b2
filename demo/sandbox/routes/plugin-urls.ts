/**
 * The plug-in URLs (API key only): `/v2/userjourneys/scan` answers the face-scan URL, and
 * `/v2/dashboards/health` the dashboard's, each with an action token for the plug-in session.
 */
import { DASHBOARD_SECTIONS } from '../../../src/protocol/contract.js';
import type { User } from '../model.js';
import { dateParam, fail, invalid, missing, objectBody, Reply } from './reply.js';
import { languageOf, subject, type EngineContext, type Route } from './route.js';

const PLUGIN_URL_SECONDS = 6 * 3600;

export function pluginUrlRoutes({ store, issueToken, pluginOrigin }: EngineContext): Route[] {
  /** The plug-in's page with `params`, on the stand-in plug-ins' origin. */
  const pluginUrl = (page: string, params: Record<string, string>) => {
    const target = new URL(page, pluginOrigin());
    target.search = new URLSearchParams(params).toString();
    return target.href;
  };

  /** The user of a dashboard body's `external_user_id`. */
  const userOfBody = (customer: string, body: Record<string, unknown>): User => {
    const external = body.external_user_id;
    if (external === undefined || external === null) throw missing('body', 'external_user_id');
    if (typeof external !== 'string')
      throw invalid(['body', 'external_user_id'], 'str type expected', 'type_error.str');
    const user = store.userByExternalId(customer, external);
    if (!user) throw fail(404, 'User not found!');
    return user;
  };

  return [
    {
      path: '/v2/userjourneys/scan',
      keyOnly: true,
      GET({ customer, query }) {
        const user = subject(store, { kind: 'key', customer }, query);
        const language = languageOf(user, query.get('language'), 'query');
        const now = Date.now() / 1000;
        const expireAt = dateParam(query, 'expire_at') ?? now + PLUGIN_URL_SECONDS;
        if (expireAt <= now) {
          throw invalid(['query', 'expire_at'], 'expire_at must be in the future', 'value_error');
        }
        const exp = Math.floor(expireAt);
        const token = issueToken(user, 'face-scan', 0, { lang: language, exp });
        const url = pluginUrl('/face-scan/', {
          action_token: token,
          patient: user.user_id,
          language,
        });
        return new Reply(200, url);
      },
    },
    {
      path: '/v2/dashboards/health',
      keyOnly: true,
      async POST({ customer, body }) {
        const fields = objectBody(await body());
        const user = userOfBody(customer, fields);
        const asked = typeof fields.language === 'string' ? fields.language : null;
        const language = languageOf(user, asked, 'body');
        const sections = fields.disabled_sections ?? [];
        const known = DASHBOARD_SECTIONS as readonly string[];
        if (
          !Array.isArray(sections) ||
          !sections.every((s) => typeof s === 'string' && known.includes(s))
        ) {
          throw invalid(
            ['body', 'disabled_sections'],
            `each item must be one of ${known.join(', ')}`,
            'type_error.enum',
          );
        }
        const token = issueToken(user, 'dashboard', PLUGIN_URL_SECONDS, {
          lang: language,
          ds: sections as string[],
        });
        return new Reply(201, pluginUrl('/dashboard/', { action_token: token, language }));
      },
    },
  ];
}
