/** English: `<ip-recommendations>`. A module of its own, so that a page carries only the English it shows. */
export const enRecommendations = {
  'recommendations.label': 'Recommendations',
  'recommendations.empty': 'No recommendations yet',
  'recommendations.empty-hint': 'They appear after your first face scans.',
  'recommendations.action': 'Learn more',
  'recommendations.new-tab': '(opens in a new tab)',
};
