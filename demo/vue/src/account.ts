/**
 * The signed-in account, as a single-page app keeps it. Signing in or out tells the host
 * (POST /api/session sets its session cookie, which the token endpoint signs in as), then ends
 * the kit's session with clearSession(): every token and answer of the last user is dropped,
 * and every mounted kit element starts over with the new one's data.
 */
import { clearSession } from 'intelliprove-widgets';
import { ref } from 'vue';
import { meta } from './origins';

/** Two of the sandbox's seeded users, with different scans. */
export const ACCOUNTS = ['demo@example.com', 'amy@example.com'] as const;

/** Who is signed in ('' = nobody): what the host wrote into index.html, then what was set. */
export const user = ref(meta('ip-user'));

/** Signs in as `next` (or out, with ''): the host's session first, then the kit's. */
export async function setUser(next: string): Promise<void> {
  const answer = await fetch('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: next }),
  });
  if (answer.status !== 204) throw new Error(`POST /api/session answered ${answer.status}`);
  user.value = next;
  clearSession();
}
