/**
 * `/v2/face-scans…`: a user's scans (listed, the latest, one by id), read with an action token or
 * the API key; and `POST /v2/face-scans`, how the stand-in face-scan plug-in stores a scan.
 */
import { hashExternalId, type Scan } from '../model.js';
import { measure } from '../seed.js';
import {
  UUID,
  dateParam,
  fail,
  intParam,
  invalid,
  objectBody,
  oneOf,
  okOrEmpty,
  Reply,
} from './reply.js';
import { subject, type EngineContext, type Route } from './route.js';

/** A scan as the API shows one: without its user. */
function publicScan(scan: Scan) {
  const { user_id: _user, ...rest } = scan;
  return rest;
}

export const faceScanRoutes = ({ store }: EngineContext): Route[] => [
  {
    path: '/v2/face-scans',
    async POST({ auth, body }) {
      if (auth.kind !== 'token' || auth.claims.scope !== 'face-scan') {
        throw fail(403, 'Only a face-scan plug-in session can store a scan.');
      }
      const quality = objectBody(await body()).quality ?? 1;
      if (typeof quality !== 'number' || quality < 0 || quality > 1) {
        throw invalid(
          ['body', 'quality'],
          'ensure this value is between 0 and 1',
          'value_error.number.not_in_range',
        );
      }
      if (quality < 0.5) throw fail(400, 'Measurement quality too low; no results were stored.');
      const scan = store.addScan(auth.user, measure(store.baselineOf(auth.user), Math.random));
      return new Reply(201, publicScan(scan));
    },
    GET({ auth, query }) {
      const user = subject(store, auth, query);
      const count = intParam(query, 'count', 10, 1, 100);
      const order = oneOf(query.get('order') ?? 'asc', ['asc', 'desc'], ['query', 'order']);
      const start = dateParam(query, 'start');
      const end = dateParam(query, 'end');
      const scans = store
        .scansOf(user.user_id)
        .filter(
          (s) =>
            (start === null || s.timestamp_epoch >= start) &&
            (end === null || s.timestamp_epoch <= end),
        )
        // `count` keeps the most recent scans in range; `order` sorts what is returned.
        .slice(-count);
      if (order === 'desc') scans.reverse();
      return okOrEmpty(scans.map(publicScan));
    },
  },
  {
    path: '/v2/face-scans/latest',
    GET({ auth, query }) {
      const user = subject(store, auth, query);
      const count = intParam(query, 'count', 1, 1, 100);
      return okOrEmpty(store.scansOf(user.user_id).slice(-count).reverse().map(publicScan));
    },
  },
  {
    path: /^\/v2\/face-scans\/([^/]+)$/,
    GET({ auth, query, params: [id] }) {
      if (!UUID.test(id!)) throw fail(400, 'Invalid uuid provided!');
      const scan = store.scan(id!);
      if (auth.kind === 'token') {
        if (scan && scan.user_id !== auth.user.user_id)
          throw fail(403, "An action token can only access its own user's data.");
      } else if (scan) {
        const owner = store.userById(scan.user_id);
        const external = query.get('external_user_id');
        const mismatch =
          external !== null && owner && hashExternalId(external) !== owner.external_hash;
        if (!owner || owner.customer !== auth.customer || mismatch)
          throw fail(404, 'Face scan not found!');
      }
      if (!scan) throw fail(404, 'Face scan not found!');
      return new Reply(200, publicScan(scan));
    },
  },
];
