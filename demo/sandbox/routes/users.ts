/** `/v2/users…`: create, read, update and delete users, and authenticate them (API key only). */
import { LANGUAGES, UNIT_SYSTEMS } from '../../../src/protocol/contract.js';
import { hashExternalId, type User } from '../model.js';
import { fail, invalid, missing, objectBody, oneOf, Reply } from './reply.js';
import { customersUser, type EngineContext, type Route } from './route.js';

/** Validates the optional user fields of POST /users and PUT /users/{id}. */
function userFields(body: Record<string, unknown>): Partial<User> {
  const fields: Partial<User> = {};
  const { birth_date, sex, language, preferred_unit_system } = body;
  const given = (value: unknown) => value !== undefined && value !== null;
  if (given(birth_date)) {
    if (
      typeof birth_date !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(birth_date) ||
      Number.isNaN(Date.parse(birth_date))
    ) {
      throw invalid(['body', 'birth_date'], 'invalid date format', 'value_error.date');
    }
    fields.birth_date = birth_date;
  }
  if (given(sex)) fields.sex = oneOf(sex, ['M', 'F'] as const, ['body', 'sex']);
  if (given(language)) fields.language = oneOf(language, LANGUAGES, ['body', 'language']);
  if (given(preferred_unit_system)) {
    const loc = ['body', 'preferred_unit_system'];
    fields.preferred_unit_system = oneOf(preferred_unit_system, UNIT_SYSTEMS, loc);
  }
  return fields;
}

/** A user as the API shows one: without the hash of the external id (with the id, once). */
function publicUser(user: User, externalId?: string) {
  const { external_hash: _hash, ...rest } = user;
  return externalId === undefined ? rest : { ...rest, external_user_id: externalId };
}

/** The external id of a body: 422 when it is missing or not a string. */
function externalIdOf(body: Record<string, unknown>, allowEmpty = true): string {
  const external = body.external_user_id;
  if (external === undefined || external === null) throw missing('body', 'external_user_id');
  if (typeof external !== 'string' || (!allowEmpty && external === ''))
    throw invalid(['body', 'external_user_id'], 'str type expected', 'type_error.str');
  return external;
}

export const userRoutes = ({ store, issueToken, tokenTtl }: EngineContext): Route[] => [
  {
    path: '/v2/users',
    keyOnly: true,
    async POST({ customer, body }) {
      const fields = objectBody(await body());
      const external = externalIdOf(fields, false);
      const user = userFields(fields);
      if (store.userByExternalId(customer, external)) throw fail(409, 'User already exists!');
      return new Reply(201, publicUser(store.createUser(customer, external, user), external));
    },
    GET({ customer, query }) {
      const external = query.get('external_user_id');
      const userId = query.get('user_id');
      if (!external && !userId) throw missing('query', 'external_user_id');
      const user = external ? store.userByExternalId(customer, external) : store.userById(userId!);
      return new Reply(200, publicUser(customersUser(user, customer)));
    },
    DELETE({ customer, query }) {
      const userId = query.get('user_id');
      if (!userId) throw missing('query', 'user_id');
      store.deleteUser(customersUser(store.userById(userId), customer));
      return new Reply(204, null);
    },
  },
  {
    path: '/v2/users/authenticate',
    keyOnly: true,
    async POST({ customer, body }) {
      const { external_user_id: external, user_id: userId } = objectBody(await body());
      if (
        (external === undefined || external === null) &&
        (userId === undefined || userId === null)
      )
        throw missing('body', 'external_user_id');
      const user =
        typeof external === 'string'
          ? store.userByExternalId(customer, external)
          : typeof userId === 'string'
            ? store.userById(userId)
            : undefined;
      const token = issueToken(customersUser(user, customer), 'api', tokenTtl);
      return new Reply(201, { token });
    },
  },
  {
    path: /^\/v2\/users\/([^/]+)$/,
    keyOnly: true,
    async PUT({ customer, params: [userId], body }) {
      const user = customersUser(store.userById(userId!), customer);
      const fields = objectBody(await body());
      const changes = userFields(fields);
      if (typeof fields.external_user_id === 'string' && fields.external_user_id !== '') {
        changes.external_hash = hashExternalId(fields.external_user_id);
      }
      return new Reply(200, publicUser(store.updateUser(user, changes)));
    },
  },
];
