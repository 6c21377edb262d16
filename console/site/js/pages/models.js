/** Models (data scientists): the champion and the others with their metrics, shadow comparisons, promotion history. */
import { h, add, summaryList, table, scrollRegion } from '../dom.js';
import { get, seg } from '../api.js';
import { dateTime } from '../words.js';

const STATUS_WORDS = { CHAMPION: 'Champion', CANDIDATE: 'Candidate', SHADOW: 'In shadow mode', RETIRED: 'Retired' };
const num = (x, digits = 3) => (typeof x === 'number' ? x.toFixed(digits) : '–');

export async function renderModels(view) {
  const [models, promotions] = await Promise.all([get('/v1/models'), get('/v1/promotions').catch(() => ({ items: [] }))]);
  const items = models.items || [];
  const shadows = items.filter((m) => m.status === 'SHADOW');
  const comparisons = await Promise.all(shadows.map((m) =>
    get(`/v1/models/${seg(m.modelVersion)}/comparison`).catch(() => null)));
  const champion = items.find((m) => m.current);
  add(view, 
    h('h1', { class: 'govuk-heading-l', text: 'Models' }),
    champion ? h('section', { 'aria-labelledby': 'champion-heading' },
      h('h2', { class: 'govuk-heading-m', id: 'champion-heading', text: 'Champion' }),
      summaryList([
        ['Version', h('code', { text: champion.modelVersion })],
        ['Trainer', champion.trainer],
        ['Trained', dateTime(champion.createdAt)],
        ['Average precision', num(champion.metrics?.averagePrecision)],
        ['ROC-AUC', num(champion.metrics?.rocAuc)],
        ['Refusals in the top 10% of the queue', champion.metrics ? `${Math.round(champion.metrics.recallAtTop10 * 100)}%` : '–'],
        ['Brier score', num(champion.metrics?.brier)],
        ['Test period', champion.metrics ? `${champion.metrics.count} decisions, ${champion.metrics.refusals} refusals` : '–'],
      ])) : h('p', { class: 'govuk-body', text: 'No champion is serving.' }),
    metricChart(items),
    h('section', { 'aria-labelledby': 'all-heading' },
      h('h2', { class: 'govuk-heading-m', id: 'all-heading', text: 'All models' }),
      scrollRegion('All models', table(null, ['Version', 'Status', 'Trainer', 'Trained', 'Average precision', 'ROC-AUC', 'Brier'],
        items.map((m) => [h('code', { text: m.modelVersion }), STATUS_WORDS[m.status] || (m.current ? 'Champion' : m.status || ''),
          m.trainer, dateTime(m.createdAt), num(m.metrics?.averagePrecision), num(m.metrics?.rocAuc), num(m.metrics?.brier)])))),
    h('section', { 'aria-labelledby': 'shadow-heading' },
      h('h2', { class: 'govuk-heading-m', id: 'shadow-heading', text: 'Shadow comparisons' }),
      shadows.length === 0 ? h('p', { class: 'govuk-body', text: 'No model is in shadow mode.' })
        : shadows.map((m, i) => comparison(m, comparisons[i]))),
    h('section', { 'aria-labelledby': 'promotions-heading' },
      h('h2', { class: 'govuk-heading-m', id: 'promotions-heading', text: 'Promotion history' }),
      (promotions.items || []).length === 0 ? h('p', { class: 'govuk-body', text: 'No promotions yet.' })
        : scrollRegion('Promotion history', table(null, ['When', 'Change', 'From', 'To', 'By', 'Reason'],
          promotions.items.map((p) => [dateTime(p.at), `${p.kind.toLowerCase()}${p.forced ? ' (gate overridden)' : ''}`,
            p.fromVersion || '–', p.toVersion, p.actor, p.reason || '–'])))));
  return 'models';
}

/** Average precision of every model with metrics, as bars with their value written beside them. */
function metricChart(items) {
  const withMetrics = items.filter((m) => m.metrics && typeof m.metrics.averagePrecision === 'number');
  if (withMetrics.length === 0) return null;
  return h('section', { 'aria-labelledby': 'chart-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'chart-heading', text: 'Average precision on each model\'s test period' }),
    h('ul', { class: 'govuk-list app-metric-chart' }, withMetrics.map((m) => {
      const bar = h('span', { class: 'app-bar app-bar--metric' });
      bar.style.width = `${Math.max(0, Math.min(1, m.metrics.averagePrecision)) * 100}%`;
      return h('li', { class: 'app-metric' },
        h('span', { class: 'app-metric__label' }, h('code', { text: m.modelVersion }), m.current ? ' (champion)' : ''),
        h('span', { class: 'app-metric__track', 'aria-hidden': 'true' }, bar),
        h('span', { class: 'app-metric__value', text: num(m.metrics.averagePrecision) }));
    })));
}

function comparison(model, c) {
  if (!c) return h('p', { class: 'govuk-body', text: `${model.modelVersion}: no comparison could be read.` });
  const bands = ['HIGH', 'MEDIUM', 'LOW'];
  return h('div', { class: 'app-comparison' },
    h('h3', { class: 'govuk-heading-s' }, h('code', { text: c.modelVersion }), ` against ${c.baselineVersion}`),
    summaryList([
      ['Applications both scored', String(c.pairs)],
      ['Same band', typeof c.bandAgreement === 'number' ? `${Math.round(c.bandAgreement * 100)}%` : '–'],
      ['Rank correlation (Spearman)', num(c.spearman)],
      ['Band changes', String(c.bandChangeCount)],
    ]),
    scrollRegion(`Bands of ${c.baselineVersion} against ${c.modelVersion}`, table(`Bands: ${c.baselineVersion} (rows) against ${c.modelVersion} (columns)`,
      ['Baseline band', ...bands], bands.map((b) => [b, ...bands.map((m) => String(c.bandMatrix?.[b]?.[m] ?? 0))]))));
}
