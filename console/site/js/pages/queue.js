/** The queue: undecided applications riskiest first, paged with the API's cursors, filterable, keyboard-usable. */
import { h, add, table } from '../dom.js';
import { get, seg } from '../api.js';
import { bandTag, percent, flagWords, queueTime } from '../words.js';
import { flash, go } from '../app.js';

const PAGE_SIZE = 20;
/** Filters and paging, in memory only (never in the address). */
const state = { band: '', flag: '', denial: false, cursor: null, previous: [] };

/** What the queue entry lacks, from the application's score history: latest red flags, first scoring time. */
async function details(entry) {
  try {
    const page = await get(`/v1/applications/${seg(entry.applicationId)}/scores?limit=100`);
    const scores = page.items || [];
    const latest = scores[0] || {};
    const first = page.nextCursor ? null : scores[scores.length - 1];
    return { redFlags: latest.redFlags || [], since: (first || entry).scoredAt };
  } catch {
    return { redFlags: null, since: entry.scoredAt };
  }
}

async function inParallel(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function filters(onApply) {
  const select = (id, label, options, value) => h('div', { class: 'govuk-form-group app-filter' },
    h('label', { class: 'govuk-label', for: id, text: label }),
    h('select', { class: 'govuk-select', id, name: id }, options.map(([v, t]) =>
      h('option', { value: v, text: t, selected: v === value ? true : null }))));
  const form = h('form', { class: 'app-filters', 'aria-label': 'Filter the queue', novalidate: true },
    select('filter-band', 'Band', [['', 'Any band'], ['HIGH', 'High risk'], ['MEDIUM', 'Medium risk'], ['LOW', 'Low risk']], state.band),
    select('filter-flag', 'Red flag', [['', 'Any or none'], ...Object.keys(FLAGS).map((c) => [c, flagWords(c)])], state.flag),
    h('div', { class: 'govuk-form-group app-filter' },
      h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
        h('div', { class: 'govuk-checkboxes__item' },
          h('input', { class: 'govuk-checkboxes__input', id: 'filter-denial', name: 'filter-denial', type: 'checkbox',
            checked: state.denial ? true : null }),
          h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'filter-denial', text: 'Has a denial match' })))),
    h('div', { class: 'govuk-form-group app-filter' },
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button', text: 'Apply filters' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.band = form.querySelector('#filter-band').value;
    state.flag = form.querySelector('#filter-flag').value;
    state.denial = form.querySelector('#filter-denial').checked;
    state.cursor = null;
    state.previous = [];
    onApply();
  });
  return form;
}

const FLAGS = {
  EMBARGOED_DESTINATION: 1, SANCTIONED_DESTINATION: 1, SURVEILLANCE_FOR_SECURITY_END_USER: 1, CATCH_ALL_CYBER_SURVEILLANCE: 1,
  DENIAL_ESSENTIALLY_IDENTICAL: 1, DENIED_PARTY: 1, MISSING_END_USER_STATEMENT: 1, THIRD_COUNTRY_INTERMEDIARY: 1,
  VAGUE_END_USE: 1, END_USER_OUTSIDE_DESTINATION: 1, DISPROPORTIONATE_ORDER: 1, GLOBAL_LICENCE_WITHOUT_ICP: 1,
};

/** The API's first page of the queue (used for "the next case" after a decision). */
export async function firstUndecided(exceptId) {
  const params = new URLSearchParams({ limit: '5' });
  if (state.band) params.set('band', state.band);
  const page = await get(`/v1/queue?${params}`);
  return (page.items || []).find((e) => e.applicationId !== exceptId) || null;
}

export async function renderQueue(view) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (state.band) params.set('band', state.band);
  if (state.cursor) params.set('cursor', state.cursor);
  const page = await get(`/v1/queue?${params}`);
  const entries = page.items || [];
  const more = await inParallel(entries, 8, details);
  const rows = entries.map((e, i) => ({ entry: e, ...more[i] })).filter((r) =>
    (!state.flag || (r.redFlags || []).some((f) => f.code === state.flag))
    && (!state.denial || (r.entry.denialMatchCount || 0) > 0));

  const rerender = () => go('#/queue');
  const notice = flash.message;
  flash.message = null;
  add(view, 
    h('h1', { class: 'govuk-heading-l', text: 'Applications to decide' }),
    notice ? h('div', { class: 'govuk-inset-text', role: 'status', text: notice }) : null,
    h('p', { class: 'govuk-body', text: 'Riskiest first. Time on the queue is counted in working days against the '
      + 'service level of 20 working days for an individual licence.' }),
    filters(rerender),
    (state.flag || state.denial) ? h('p', { class: 'govuk-hint', text: 'The red flag and denial match filters apply to the page shown.' }) : null,
    rows.length === 0
      ? h('p', { class: 'govuk-body', id: 'queue-empty', text: 'No undecided applications match.' })
      : table(`Page ${state.previous.length + 1}: ${rows.length} application${rows.length === 1 ? '' : 's'}`,
        ['Application', 'Risk', 'Red flags', 'Denial matches', 'On the queue'],
        rows.map(({ entry, redFlags, since }) => {
          const time = queueTime(since);
          return [
            h('a', { class: 'govuk-link', href: `#/cases/${encodeURIComponent(entry.applicationId)}`, text: entry.applicationId }),
            h('span', {}, bandTag(h, entry.riskBand), ' ', h('span', { class: 'app-nowrap', text: percent(entry.riskScore) })),
            flagList(redFlags, entry.redFlagCount),
            entry.denialMatchCount === undefined ? h('span', { class: 'app-muted', text: 'Not screened' })
              : h('span', { text: entry.denialMatchCount === 0 ? 'None' : String(entry.denialMatchCount) }),
            h('span', { class: time.over ? 'app-overdue' : null, text: time.text }),
          ];
        }), { class: 'govuk-table app-queue' }),
    pager(page.nextCursor, rerender));
  return 'queue';
}

function flagList(flags, count) {
  if (flags === null) return h('span', { text: count === 0 ? 'None' : `${count}` });
  if (flags.length === 0) return h('span', { text: 'None' });
  const top = flags.slice(0, 3);
  return h('ul', { class: 'govuk-list app-flag-list' },
    top.map((f) => h('li', { text: flagWords(f.code) })),
    flags.length > 3 ? h('li', { class: 'app-muted', text: `and ${flags.length - 3} more` }) : null);
}

function pager(nextCursor, rerender) {
  const links = [];
  if (state.previous.length > 0) {
    links.push(h('div', { class: 'govuk-pagination__prev' }, h('button', { type: 'button', class: 'govuk-button govuk-button--secondary',
      text: 'Previous page', on: { click: () => { state.cursor = state.previous.pop(); rerender(); } } })));
  }
  if (nextCursor) {
    links.push(h('div', { class: 'govuk-pagination__next' }, h('button', { type: 'button', class: 'govuk-button govuk-button--secondary',
      text: 'Next page', on: { click: () => { state.previous.push(state.cursor); state.cursor = nextCursor; rerender(); } } })));
  }
  return links.length ? h('nav', { class: 'govuk-pagination app-pager', 'aria-label': 'Queue pages' }, links) : null;
}
