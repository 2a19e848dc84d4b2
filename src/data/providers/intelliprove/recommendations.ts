/**
 * IntelliProve's recommendations for the user (JSON API v2, `GET /v2/recommendations`), read
 * with the action token, for `<ip-recommendations>`. Each one is checked before anything is
 * shown: a title to show, and only image and link URLs the kit may use (`checkContentUrl`); the
 * list comes out most relevant first.
 */
import { checkContentUrl } from '../../../protocol/origins.js';
import { apiGet } from '../../api-client.js';
import { isObject, objects, unexpected } from '../checks.js';
import type { Recommendation, RecommendationSource } from '../types.js';
import { INTELLIPROVE } from './base.js';

/** A string as sent, trimmed; '' for anything else. */
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** 1 = most relevant: a finite number from 1 on, else null. */
const relevanceOf = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 1 ? value : null;

/** One item as the element may show it; null without a title to show. */
function recommendationOf(item: Record<string, unknown>, apiOrigin: string): Recommendation | null {
  const title = text(item.title);
  if (!title) return null;
  return {
    title,
    description: text(item.description),
    imageUrl: checkContentUrl(item.image_url, apiOrigin),
    actionUrl: checkContentUrl(item.action_url, apiOrigin),
    actionText: text(item.action_text) || null,
    relatedMetric: text(item.related_metric) || null,
    relevance: relevanceOf(item.relevance),
    lookupKey: text(item.lookup_key) || null,
  };
}

/** Most relevant first; those without a relevance last, in the API's order. */
const byRelevance = (a: Recommendation, b: Recommendation) =>
  (a.relevance ?? Infinity) - (b.relevance ?? Infinity) || 0;

export const intelliproveRecommendations: RecommendationSource = {
  ...INTELLIPROVE,
  entries: { recommendations: { label: 'recommendations.label' } },
  empty: ['recommendations.empty', 'recommendations.empty-hint'],

  async read(context, _key, { language }) {
    const path = `/v2/recommendations?language=${encodeURIComponent(language)}`;
    const answer = await apiGet(context, path);
    if (answer.kind === 'empty') return null;
    // `{"recommendations": [...]}` as documented; a bare list, or null for none, is read too.
    const data = answer.data;
    const list = Array.isArray(data) ? data : isObject(data) ? data.recommendations : undefined;
    if (list === null) return [];
    if (list === undefined) throw unexpected(path, 'no "recommendations" list');
    const apiOrigin = new URL(context.apiBase).origin;
    return objects(list, path)
      .map((item) => recommendationOf(item, apiOrigin))
      .filter((item): item is Recommendation => item !== null)
      .sort(byRelevance);
  },
};
