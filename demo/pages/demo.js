// Demo page wiring: what a host might do with the kit's events. No innerHTML (the page runs
// under Trusted Types), no inline script (script-src 'self').
const scan = document.querySelector('ip-face-scan');
const dashboard = document.querySelector('ip-dashboard');
const log = document.getElementById('events');

function note(text) {
  const item = document.createElement('li');
  const time = new Date().toLocaleTimeString();
  item.textContent = `${time}  ${text}`;
  log.prepend(item);
  while (log.children.length > 20) log.lastElementChild.remove();
}

// ip-load (every card and gauge, after each scan) is left out to keep the log readable.
for (const type of ['ip-ready', 'ip-stage', 'ip-scan-complete', 'ip-dismiss', 'ip-error']) {
  document.addEventListener(type, (event) => {
    const { detail } = event;
    const what =
      type === 'ip-stage'
        ? detail.stage
        : type === 'ip-scan-complete'
          ? `faceScanId ${detail.faceScanId}`
          : type === 'ip-error'
            ? `${detail.code}: ${detail.message}`
            : type === 'ip-ready'
              ? detail.url
              : '';
    note(`<${event.target.localName}> ${type} ${what}`);
  });
}

document.getElementById('scan-again')?.addEventListener('click', () => scan.restart());

// After a scan, show the fresh results in the dashboard.
scan?.addEventListener('ip-scan-complete', () => dashboard?.reload());
scan?.addEventListener('ip-dismiss', () => dashboard?.scrollIntoView({ behavior: 'smooth' }));

// Language and unit-system switchers: the elements update in place.
const results = document.getElementById('results');
const sahha = document.getElementById('sahha');
const dataElements = () => document.querySelectorAll('ip-biomarker-card, ip-metric-gauge');
document.getElementById('lang-switch')?.addEventListener('change', (event) => {
  // Elements inherit the nearest [lang].
  results.lang = event.target.value;
  if (sahha) sahha.lang = event.target.value;
});
document.getElementById('unit-switch')?.addEventListener('change', (event) => {
  for (const el of dataElements()) {
    if (el.localName !== 'ip-biomarker-card') continue;
    if (event.target.value) el.setAttribute('unit-system', event.target.value);
    else el.removeAttribute('unit-system');
  }
});

// Switching user without a reload, as a single-page site signs in and out: tell the server
// (POST /api/session sets the session cookie), then end the kit's session. The kit is loaded
// with a classic script tag, so the page dispatches ip-clear-session rather than importing
// clearSession(): every element drops the last user's token and data and starts over.
// Without JavaScript the form's GET /login does the same with a reload.
const sessionForm = document.querySelector('form.session');
const sessionState = document.getElementById('session-state');
let signedIn = sessionForm?.dataset.user ?? '';

async function switchUser(user) {
  const answer = await fetch('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  if (answer.status !== 204) throw new Error(`HTTP ${answer.status}`);
  signedIn = user;
  document.dispatchEvent(new Event('ip-clear-session'));
}

sessionForm?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const picker = sessionForm.elements.namedItem('user');
  const button = sessionForm.querySelector('button');
  const user = picker.value;
  picker.disabled = button.disabled = true;
  try {
    await switchUser(user);
    sessionState.textContent = user ? `Now signed in as ${user}` : 'Signed out';
    note(user ? `session: signed in as ${user}` : 'session: signed out');
  } catch (error) {
    sessionState.textContent = `Could not switch user (${error.message})`;
    picker.value = signedIn;
  } finally {
    picker.disabled = button.disabled = false;
    // The picker's default follows the session, as a reload would render it.
    for (const option of picker.options) option.defaultSelected = option.value === signedIn;
  }
});
