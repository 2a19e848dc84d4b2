// Stand-in health dashboard plug-in: the user's wellbeing, latest biomarkers, metrics,
// recommendations and to-dos, minus the sections the host disabled.
import { METRICS } from './health.js';
import { api, h, lang, meta, number, t } from './i18n.js';

const root = document.getElementById('app');
// Disabled sections come back as null: leave them out.
const app = { replaceChildren: (...children) => root.replaceChildren(...children.filter(Boolean)) };
const disabled = new Set(meta('ip-disabled-sections').split(/\s+/).filter(Boolean));

function section(name, ...children) {
  if (disabled.has(name)) return null;
  return h(
    'section',
    { class: `section section-${name}`, 'data-section': name },
    h('h2', {}, t(name === 'main' ? 'wellbeing' : name)),
    ...children,
  );
}

function meter(label, score, note) {
  const bar = h('meter', {
    min: '0',
    max: '100',
    value: String(score ?? 0),
    low: '40',
    high: '60',
    optimum: '100',
  });
  return h(
    'div',
    { class: 'meter' },
    h('span', { class: 'label' }, label),
    bar,
    h(
      'span',
      { class: 'score' },
      score === null || score === undefined ? t('noData') : number(score),
    ),
    note ? h('span', { class: 'note' }, note) : null,
  );
}

async function render() {
  app.replaceChildren(h('h1', {}, t('dashTitle')), h('p', { class: 'status' }, '…'));
  let latest, metrics, wellbeing, recs;
  try {
    [latest, metrics, wellbeing, recs] = await Promise.all([
      api('/v2/face-scans/latest'),
      api('/v2/metrics'),
      api('/v2/userprofiles/wellbeing'),
      api(`/v2/recommendations?language=${lang}`),
    ]);
  } catch (error) {
    app.replaceChildren(
      h('h1', {}, t('dashTitle')),
      h('p', { class: 'error' }, t('loadFailed')),
      h('p', { class: 'reason' }, error.message),
    );
    return;
  }
  const scan = latest?.[0];
  if (!scan) {
    app.replaceChildren(
      h('h1', {}, t('dashTitle')),
      h('p', { class: 'empty' }, t('noScans')),
      section('todos', h('ul', {}, h('li', {}, t('todoScan')))),
    );
    return;
  }
  const value = (v, unit) => (v === null ? t('locked') : `${number(v)} ${unit}`);
  const pressure =
    scan.systolic_blood_pressure === null
      ? t('locked')
      : `${scan.systolic_blood_pressure}/${scan.diastolic_blood_pressure} mmHg`;
  const results = [
    ['heart_rate', value(scan.heart_rate, 'bpm')],
    ['respiratory_rate', value(scan.respiratory_rate, '/min')],
    ['heart_rate_variability', value(scan.heart_rate_variability, 'ms')],
    ['blood_pressure', pressure],
  ];
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(scan.timestamp),
  );
  app.replaceChildren(
    h('h1', {}, t('dashTitle')),
    section(
      'main',
      ...['mental', 'physical', 'energy_sleep'].map((key) => meter(t(key), wellbeing?.[key])),
    ),
    section(
      'biomarkers',
      h('p', { class: 'when' }, t('measured', { date: when })),
      h(
        'dl',
        { class: 'results' },
        ...results.map(([key, text]) =>
          h('div', { class: 'result' }, h('dt', {}, t(key)), h('dd', {}, text)),
        ),
      ),
    ),
    section(
      'metrics',
      ...METRICS.map((key) => {
        const m = metrics?.metrics?.[key] ?? null;
        return meter(
          t(key),
          m?.score ?? null,
          m ? t('confidence', { n: number(m.confidence) }) : null,
        );
      }),
    ),
    section(
      'recommendations',
      h(
        'ul',
        {},
        ...(recs?.recommendations ?? []).map((r) =>
          h('li', {}, h('strong', {}, r.title), ' — ', r.description),
        ),
      ),
    ),
    section(
      'todos',
      h(
        'ul',
        {},
        h('li', {}, t('todoScan')),
        metrics?.metrics?.sleep_quality ? null : h('li', {}, t('todoSleep')),
      ),
    ),
  );
}

render();
