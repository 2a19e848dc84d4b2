// Stand-in face-scan plug-in: camera preview, the real stage sequence posted to the parent
// window, and a new scan stored in the sandbox engine.
import { api, h, meta, number, t } from './i18n.js';

const app = document.getElementById('app');
const scanSeconds = Number(meta('ip-scan-seconds')) || 6;
const checkSeconds = Number(meta('ip-check-seconds')) || 1.5;
let stream = null;
let poorLighting = false;
let timers = [];

/** Posts a stage to the embedding page, as a JSON string (as the real plug-in may). */
function post(stage, extra = {}) {
  if (window.parent !== window) window.parent.postMessage(JSON.stringify({ stage, ...extra }), '*');
}

const wait = (seconds) =>
  new Promise((resolve) => {
    timers.push(setTimeout(resolve, seconds * 1000));
  });

function show(...children) {
  app.replaceChildren(h('h1', {}, t('scanTitle')), ...children);
}

function stopCamera() {
  stream?.getTracks().forEach((track) => track.stop());
  stream = null;
}

function intro() {
  const toggle = h('input', { type: 'checkbox', id: 'poor-light' });
  toggle.checked = poorLighting;
  toggle.addEventListener('change', () => (poorLighting = toggle.checked));
  show(
    h('p', {}, t('intro')),
    h('button', { class: 'primary', id: 'start', onclick: start }, t('start')),
    h('label', { class: 'sandbox-control' }, toggle, ' ', t('poorLight')),
  );
}

async function start() {
  post('startNewMeasurement');
  show(h('p', { class: 'status' }, t('camera')));
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: {
        facingMode: 'user',
        width: { ideal: 1280 },
        height: { ideal: 720 },
        frameRate: { ideal: 30 },
      },
      audio: false,
    });
  } catch (error) {
    const reason = error?.name ?? 'Error';
    show(
      h('h2', { class: 'error' }, t('cameraFailed')),
      h('p', {}, t('cameraHelp')),
      h('p', { class: 'reason' }, reason),
    );
    post('error', { error: 'camera_unavailable', reason });
    return;
  }
  measureWithPreview();
}

async function measureWithPreview() {
  const video = h('video', { autoplay: '', playsinline: '', muted: '', id: 'preview' });
  video.muted = true;
  video.srcObject = stream;
  const status = h('p', { class: 'status', id: 'status' }, t('checking'));
  const bar = h('progress', { max: String(scanSeconds), value: '0', id: 'progress' });
  show(h('div', { class: 'preview' }, video, h('div', { class: 'oval' })), status, bar);
  await wait(checkSeconds);
  if (poorLighting) {
    stopCamera();
    post('error', { error: 'poor_quality' });
    show(
      h('h2', { class: 'error' }, t('poorQuality')),
      h('p', {}, t('poorQualityHelp')),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            class: 'primary',
            id: 'try-again',
            onclick: () => {
              poorLighting = false;
              start();
            },
          },
          t('tryAgain'),
        ),
        h('button', { id: 'quit', onclick: quit }, t('quit')),
      ),
    );
    return;
  }
  post('recordingStarted');
  status.textContent = t('recording');
  for (let elapsed = 0; elapsed < scanSeconds; elapsed += 0.5) {
    bar.value = elapsed;
    bar.textContent = t('secondsLeft', { n: Math.ceil(scanSeconds - elapsed) });
    status.textContent = `${t('recording')} · ${t('secondsLeft', { n: Math.ceil(scanSeconds - elapsed) })}`;
    await wait(0.5);
  }
  bar.value = scanSeconds;
  stopCamera();
  post('recordingStopped');
  show(h('p', { class: 'status' }, t('analysing')));
  let scan;
  try {
    scan = await api('/v2/face-scans', { method: 'POST', body: JSON.stringify({ quality: 0.9 }) });
  } catch (error) {
    post('error', { error: 'save_failed', status: error.status ?? null });
    show(h('h2', { class: 'error' }, t('failed')), h('p', { class: 'reason' }, error.message));
    return;
  }
  post('faceScanSuccessful', { face_scan_id: scan.face_scan_id });
  results(scan);
}

function results(scan) {
  const row = (key, value, unit) =>
    h(
      'div',
      { class: 'result' },
      h('dt', {}, t(key)),
      h('dd', {}, value === null ? t('locked') : `${value} ${unit}`),
    );
  const bp =
    scan.systolic_blood_pressure === null
      ? null
      : `${scan.systolic_blood_pressure}/${scan.diastolic_blood_pressure}`;
  show(
    h('h2', {}, t('done')),
    h(
      'dl',
      { class: 'results' },
      row('heart_rate', scan.heart_rate === null ? null : number(scan.heart_rate), 'bpm'),
      row(
        'respiratory_rate',
        scan.respiratory_rate === null ? null : number(scan.respiratory_rate),
        '/min',
      ),
      row(
        'heart_rate_variability',
        scan.heart_rate_variability === null ? null : number(scan.heart_rate_variability),
        'ms',
      ),
      row('blood_pressure', bp, 'mmHg'),
    ),
    h(
      'button',
      { class: 'primary', id: 'continue', onclick: () => post('dismiss') },
      t('continue'),
    ),
  );
}

function quit() {
  post('userFinished');
  show(h('p', {}, t('finished')));
}

window.addEventListener('pagehide', () => {
  timers.forEach(clearTimeout);
  timers = [];
  stopCamera();
});

intro();
