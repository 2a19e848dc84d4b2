/**
 * `/v2/questions…` (API key only): the questions' lookup keys, and a user's answers, one or many
 * at a time. Answers move the metrics (sleep quality needs the sleep question).
 */
import { QUESTION_KEYS } from '../model.js';
import { UUID, fail, invalid, missing, objectBody, Reply } from './reply.js';
import { customersUser, type EngineContext, type Route, type RouteCall } from './route.js';

/** One answer of a body: 422 for a missing field, an unknown question or a non-integer. */
function answerOf(item: unknown, loc: (field: string) => (string | number)[]) {
  const answer = objectBody(item);
  if (answer.lookup_key === undefined)
    throw invalid(loc('lookup_key'), 'field required', 'value_error.missing');
  if (
    typeof answer.lookup_key !== 'string' ||
    !(QUESTION_KEYS as readonly string[]).includes(answer.lookup_key)
  ) {
    throw invalid(loc('lookup_key'), 'unknown lookup key', 'value_error');
  }
  if (answer.value === undefined)
    throw invalid(loc('value'), 'field required', 'value_error.missing');
  if (typeof answer.value !== 'number' || !Number.isInteger(answer.value)) {
    throw invalid(loc('value'), 'value is not a valid integer', 'type_error.integer');
  }
  return {
    lookup_key: answer.lookup_key,
    value: answer.value,
    timezone: typeof answer.timezone === 'string' ? answer.timezone : null,
  };
}

export function questionRoutes({ store }: EngineContext): Route[] {
  /** Stores the answers of `?user_id=`: the body's one answer, or its list when `many`. */
  async function saveAnswers({ customer, query, body }: RouteCall, many: boolean) {
    const userId = query.get('user_id');
    if (!userId) throw missing('query', 'user_id');
    if (!UUID.test(userId)) throw fail(400, 'Invalid uuid provided!');
    const user = customersUser(store.userById(userId), customer);
    const raw = await body();
    if (many && !Array.isArray(raw))
      throw invalid(['body'], 'value is not a valid list', 'type_error.list');
    const items = (many ? (raw as unknown[]) : [raw]).map((item, index) =>
      answerOf(item, (field) => (many ? ['body', index, field] : ['body', field])),
    );
    const saved = items.map((answer) => {
      store.saveAnswer(user, answer);
      return { lookup_key: answer.lookup_key, value: answer.value, user_id: user.user_id };
    });
    return new Reply(201, many ? saved : saved[0]);
  }

  return [
    { path: '/v2/questions/all', keyOnly: true, GET: () => new Reply(200, [...QUESTION_KEYS]) },
    { path: '/v2/questions/answer', keyOnly: true, POST: (call) => saveAnswers(call, false) },
    { path: '/v2/questions/answer/many', keyOnly: true, POST: (call) => saveAnswers(call, true) },
  ];
}
