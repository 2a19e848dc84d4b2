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
