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
  while (log.children.length > 12) log.lastElementChild.remove();
}

for (const type of [
  'ip-ready',
  'ip-stage',
  'ip-scan-complete',
  'ip-dismiss',
  'ip-error',
  'ip-load',
]) {
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
