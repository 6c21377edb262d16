/**
 * A case: the score in words, the factors as a chart of contributions, red flags with their criteria, the score
 * history, denial matches side by side with their review, and the decision form, which leads to the next case.
 */
import { h, add, summaryList, table, scrollRegion } from '../dom.js';
import { get, put, seg, ApiError } from '../api.js';
import { CRITERIA, apiCriteria, criterionName } from '../criteria.js';
import { bandTag, inHundred, percent, flagWords, dateTime, date, outcomeWords } from '../words.js';
import { flash, go } from '../app.js';
import { firstUndecided } from './queue.js';

export async function renderCase(view, applicationId) {
  const base = `/v1/applications/${seg(applicationId)}`;
  // The case's denial matches with their reviews and consultations, where the API screens against denials; else
  // whatever matches the score carries.
  const [score, history, screening] = await Promise.all([get(`${base}/scores/latest`), get(`${base}/scores?limit=20`),
    get(`${base}/denial-matches`).catch(() => null)]);
  const notice = flash.message;
  flash.message = null;
  add(view, 
    notice ? h('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert',
      'aria-labelledby': 'banner-title' },
    h('div', { class: 'govuk-notification-banner__header' },
      h('h2', { class: 'govuk-notification-banner__title', id: 'banner-title', text: 'Success' })),
    h('div', { class: 'govuk-notification-banner__content' },
      h('p', { class: 'govuk-notification-banner__heading', text: notice }))) : null,
    h('span', { class: 'govuk-caption-l', text: 'Application' }),
    h('h1', { class: 'govuk-heading-l', text: applicationId }),
    h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: '#decision', text: 'Go to the decision' })),
    scoreSection(score),
    factorsSection(score.factors || []),
    flagsSection(score.redFlags || []),
    applicationSection(score),
    matchesSection(score, screening, base),
    historySection(history.items || []),
    decisionSection(score, screening, base, applicationId));
  return 'case';
}

function scoreSection(score) {
  return h('section', { 'aria-labelledby': 'score-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'score-heading', text: 'Risk of refusal' }),
    h('p', { class: 'govuk-body-l app-score-words', id: 'score-words' }, `${inHundred(score.riskScore)}.`),
    summaryList([
      ['Band', bandTag(h, score.riskBand)],
      ['Score', `${score.riskScore.toFixed(2)} (${percent(score.riskScore)} calibrated refusal risk)`],
      ['Model version', h('code', { text: score.modelVersion })],
      ['Scored', dateTime(score.scoredAt)],
    ]),
    h('p', { class: 'govuk-body-s', text: 'The score supports your judgement; it never approves or refuses anything by itself.' }));
}

/** Contributions to the log-odds of refusal, as bars either side of zero; each with its sentence and its direction in words. */
function factorsSection(factors) {
  const max = Math.max(0.0001, ...factors.map((f) => Math.abs(f.contribution)));
  const sorted = [...factors].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return h('section', { 'aria-labelledby': 'factors-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'factors-heading', text: 'Why this score' }),
    factors.length === 0 ? h('p', { class: 'govuk-body', text: 'The model gave no factors for this score.' })
      : h('ul', { class: 'govuk-list app-factors' }, sorted.map((f) => {
        const up = f.contribution >= 0;
        const bar = h('span', { class: `app-bar ${up ? 'app-bar--up' : 'app-bar--down'}` });
        bar.style.width = `${(Math.abs(f.contribution) / max) * 100}%`;
        return h('li', { class: 'app-factor' },
          h('p', { class: 'govuk-body app-factor__sentence', text: f.sentence }),
          h('div', { class: 'app-factor__chart', 'aria-hidden': 'true' },
            h('span', { class: 'app-factor__half app-factor__half--down' }, up ? null : bar),
            h('span', { class: 'app-factor__half app-factor__half--up' }, up ? bar : null)),
          h('p', { class: 'govuk-body-s app-factor__value', text: `${up ? 'Raises' : 'Lowers'} the risk (${up ? '+' : '−'}${Math.abs(f.contribution).toFixed(2)})` }));
      })),
    factors.length ? h('p', { class: 'govuk-body-s app-muted', text: 'Bars to the right raise the risk, to the left lower it; length is the contribution to the log-odds of refusal.' }) : null);
}

function flagsSection(flags) {
  return h('section', { 'aria-labelledby': 'flags-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'flags-heading', text: `Red flags (${flags.length})` }),
    flags.length === 0 ? h('p', { class: 'govuk-body', text: 'No red flags.' })
      : h('ul', { class: 'govuk-list app-flags' }, flags.map((f) => h('li', { class: 'app-flag' },
        h('strong', { class: 'govuk-tag govuk-tag--red app-flag__tag', text: flagWords(f.code) }),
        h('span', { class: 'app-flag__criterion', text: criterionName(f.criterion) }),
        h('p', { class: 'govuk-body', text: f.sentence })))));
}

function applicationSection(score) {
  const a = score.application;
  const body = a ? summaryList([
    ['Exporter', a.exporter ? `${a.exporter.name} (${a.exporter.country})` : ''],
    ['Destination', a.destinationCountry],
    ['End user', a.endUser ? `${a.endUser.name}, ${a.endUser.type.toLowerCase().replaceAll('_', ' ')} (${a.endUser.country})` : ''],
    a.consignee ? ['Consignee', `${a.consignee.name} (${a.consignee.country})`] : null,
    ['Goods', h('ul', { class: 'govuk-list' }, (a.items || []).map((i) =>
      h('li', { text: `${i.controlListEntry || 'Unlisted (Art. 5)'}: ${i.description}, ${i.quantity} × €${i.valueEur}` })))],
    ['Intermediaries', (a.intermediaries || []).length ? (a.intermediaries || []).map((i) => `${i.role.toLowerCase().replaceAll('_', ' ')} (${i.country})`).join(', ') : 'None'],
    ['End use', a.endUse],
    ['End-user statement', a.endUserStatementProvided ? 'On file' : 'Not on file'],
  ]) : h('div', { class: 'govuk-inset-text', text: 'The API does not return the application\'s contents (exporter, parties, '
    + 'goods, end use) to the console: read them in the licensing system. The red flags above are drawn from them.' });
  return h('section', { 'aria-labelledby': 'application-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'application-heading', text: 'The application' }), body);
}

const VERDICT_WORDS = {
  ESSENTIALLY_IDENTICAL: 'Essentially identical transaction',
  SAME_PARTY: 'Same party',
  SIMILAR_GOODS_SAME_DESTINATION: 'Similar goods to the same destination',
};

/** Open consultations of denying states: a grant is refused (409) while one is open, unless overridden. */
function openConsultations(screening) {
  return ((screening && screening.consultations) || []).filter((c) => c.status === 'OPEN');
}

function consultationWarning(c) {
  return h('div', { class: 'govuk-warning-text' },
    h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true', text: '!' }),
    h('strong', { class: 'govuk-warning-text__text' },
      h('span', { class: 'govuk-visually-hidden', text: 'Warning' }),
      `A consultation with ${c.notifyingState} about denial ${c.denialId} is open since ${date(c.openedOn)} `
      + `(reply due ${date(c.replyDue)}): do not grant before it is closed.`));
}

function matchesSection(score, screening, base) {
  const matches = screening ? screening.matches : score.denialMatches;
  const reviews = new Map(((screening && screening.reviews) || []).map((r) => [r.denialId, r]));
  const warnings = h('div', { id: 'consultations' }, openConsultations(screening).map(consultationWarning));
  return h('section', { 'aria-labelledby': 'matches-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'matches-heading', text: `Denial matches${matches ? ` (${matches.length})` : ''}` }),
    warnings,
    matches === undefined || matches === null ? h('p', { class: 'govuk-body', text: 'This score was not screened against the denial register.' })
      : matches.length === 0 ? h('p', { class: 'govuk-body', text: 'No denial matches.' })
        : matches.map((m, i) => matchCard(m, i, base, reviews.get(m.denialId), warnings)));
}

/** A field of the evidence in words: END_USER → "End user", controlListEntry → "Control list entry". */
function fieldWords(field) {
  const words = String(field).replace(/([a-z])([A-Z])/g, '$1 $2').replaceAll('_', ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function reviewWords(r) {
  return `Reviewed: ${r.verdict === 'CONFIRMED' ? 'confirmed' : 'dismissed'}${r.officer ? ` by ${r.officer}` : ''}`
    + `${r.reviewedAt ? ` on ${date(r.reviewedAt)}` : ''}${r.reason ? ` (${r.reason})` : ''}.`;
}

function matchCard(m, i, base, review, warnings) {
  const id = `match-${i}`;
  const status = h('p', { class: 'govuk-body app-review-status', role: 'status', id: `${id}-status`,
    text: review ? reviewWords(review) : 'Not reviewed yet.' });
  const error = h('p', { class: 'govuk-error-message', id: `${id}-error`, hidden: true });
  const reason = h('textarea', { class: 'govuk-textarea', id: `${id}-reason`, name: `${id}-reason`, rows: '2',
    'aria-describedby': `${id}-reason-hint` });
  const form = h('form', { class: 'app-match-review', novalidate: true },
    h('div', { class: 'govuk-form-group', id: `${id}-group` },
      h('fieldset', { class: 'govuk-fieldset' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s', text: `Your review of denial ${m.denialId}` }),
        error,
        h('div', { class: 'govuk-radios govuk-radios--small govuk-radios--inline' },
          [['CONFIRMED', 'Confirm the match'], ['DISMISSED', 'Dismiss the match']].map(([v, t]) =>
            h('div', { class: 'govuk-radios__item' },
              h('input', { class: 'govuk-radios__input', type: 'radio', name: `${id}-verdict`, id: `${id}-${v}`, value: v }),
              h('label', { class: 'govuk-label govuk-radios__label', for: `${id}-${v}`, text: t })))))),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: `${id}-reason`, text: 'Reason' }),
      h('div', { class: 'govuk-hint', id: `${id}-reason-hint`, text: 'Needed to dismiss a match.' }),
      reason),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', text: `Record review of denial ${m.denialId}` }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const verdict = form.querySelector(`input[name="${id}-verdict"]:checked`)?.value;
    const text = reason.value.trim();
    const problem = !verdict ? 'Choose whether to confirm or dismiss the match'
      : verdict === 'DISMISSED' && !text ? 'Enter why you dismiss the match' : null;
    if (problem) {
      error.hidden = false;
      error.replaceChildren(h('span', { class: 'govuk-visually-hidden', text: 'Error: ' }), problem);
      (verdict ? reason : form.querySelector('input[type=radio]')).focus();
      return;
    }
    error.hidden = true;
    try {
      const recorded = (await put(`${base}/denial-matches/${seg(m.denialId)}`, text ? { verdict, reason: text } : { verdict })).body
        || { verdict, reason: text };
      status.textContent = reviewWords(recorded);
      if (recorded.consultation && recorded.consultation.status === 'OPEN') {
        warnings.append(consultationWarning(recorded.consultation));
        // The decision form now offers the override a grant needs.
        const button = document.getElementById('record-decision');
        if (button && !document.getElementById('override-group')) {
          button.before(overrideFields([recorded.consultation]));
        }
        status.textContent += ` A consultation with ${recorded.consultation.notifyingState} is now open.`;
      }
      status.focus();
    } catch (e) {
      error.hidden = false;
      error.replaceChildren(h('span', { class: 'govuk-visually-hidden', text: 'Error: ' }), explain(e, 'review'));
    }
  });
  status.setAttribute('tabindex', '-1');
  return h('div', { class: 'app-match' },
    h('h3', { class: 'govuk-heading-s', text: `${VERDICT_WORDS[m.verdict] || m.verdict}: denial ${m.denialId}` }),
    h('p', { class: 'govuk-body', text: m.reason || '' }),
    h('p', { class: 'govuk-body-s app-muted', text: `${m.source === 'OWN' ? 'Our own refusal' : `Notified by ${m.notifyingState}`} on ${date(m.notifiedOn)}; `
      + `match strength ${percent(m.score)}.` }),
    scrollRegion(`Denial ${m.denialId} compared field by field`, table(null,
      ['Field', 'This application', 'The denial', 'Similarity'],
      (m.fields || []).map((f) => [fieldWords(f.field), f.applicationValue ?? '', f.denialValue ?? '',
        `${percent(f.similarity)}${f.method ? ` (${f.method})` : ''}`]))),
    status, form);
}

function historySection(scores) {
  return h('section', { 'aria-labelledby': 'history-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'history-heading', text: 'Score history' }),
    scrollRegion('Score history', table(null, ['Scored', 'Model version', 'Band', 'Score'],
      scores.map((s) => [dateTime(s.scoredAt), h('code', { text: s.modelVersion }), bandTag(h, s.riskBand), s.riskScore.toFixed(2)]))));
}

/** Criteria ticked at first: those of the red flags (a flag names '1'…'8' or 'ART5'). */
function preTicked(score) {
  return new Set((score.redFlags || []).map((f) => f.criterion));
}

function decisionSection(score, screening, base, applicationId) {
  const ticked = preTicked(score);
  const open = openConsultations(screening);
  const summary = h('div', { class: 'govuk-error-summary', id: 'error-summary', hidden: true, tabindex: '-1' });
  const outcomes = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REFUSED', 'WITHDRAWN'];
  const form = h('form', { id: 'decision-form', novalidate: true, 'aria-labelledby': 'decision' },
    summary,
    h('div', { class: 'govuk-form-group', id: 'outcome-group' },
      h('fieldset', { class: 'govuk-fieldset' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s', text: 'Outcome' }),
        h('p', { class: 'govuk-error-message', id: 'outcome-error', hidden: true }),
        h('div', { class: 'govuk-radios govuk-radios--small' }, outcomes.map((o) => h('div', { class: 'govuk-radios__item' },
          h('input', { class: 'govuk-radios__input', type: 'radio', name: 'outcome', id: `outcome-${o}`, value: o }),
          h('label', { class: 'govuk-label govuk-radios__label', for: `outcome-${o}`, text: outcomeWords(o) })))))),
    h('div', { class: 'govuk-form-group', id: 'criteria-group' },
      h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': 'criteria-hint' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s', text: 'Criteria the decision rests on' }),
        h('div', { class: 'govuk-hint', id: 'criteria-hint', text: 'EU Common Position 2008/944/CFSP and Art. 5 of Regulation (EU) 2021/821. '
          + 'Ticked from the red flags: change them as you judge. A refusal cites at least one. A sub-criterion is recorded as its criterion.' }),
        h('p', { class: 'govuk-error-message', id: 'criteria-error', hidden: true }),
        h('div', { class: 'govuk-checkboxes govuk-checkboxes--small app-criteria' }, CRITERIA.map((c) => h('div', {
          class: `govuk-checkboxes__item${c.sub ? ' app-criteria__sub' : ''}` },
        h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', name: 'criteria', id: `criterion-${c.id}`, value: c.id,
          checked: !c.sub && ticked.has(c.id) ? true : null }),
        h('label', { class: 'govuk-label govuk-checkboxes__label', for: `criterion-${c.id}`, text: c.label })))))),
    h('div', { class: 'govuk-form-group', id: 'rationale-group' },
      h('label', { class: 'govuk-label govuk-label--s', for: 'rationale', text: 'Rationale' }),
      h('div', { class: 'govuk-hint', id: 'rationale-hint', text: 'Why you decide so, in a few sentences. Kept with the decision.' }),
      h('p', { class: 'govuk-error-message', id: 'rationale-error', hidden: true }),
      h('textarea', { class: 'govuk-textarea', id: 'rationale', name: 'rationale', rows: '4', maxlength: '4000',
        'aria-describedby': 'rationale-hint' })),
    open.length ? overrideFields(open) : null,
    h('button', { type: 'submit', class: 'govuk-button', id: 'record-decision', 'data-module': 'govuk-button', text: 'Record decision' }));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const outcome = form.querySelector('input[name=outcome]:checked')?.value;
    const ids = [...form.querySelectorAll('input[name=criteria]:checked')].map((c) => c.value);
    const rationale = form.querySelector('#rationale').value.trim();
    const problems = [];
    if (!outcome) problems.push(['outcome', 'Choose an outcome']);
    if (outcome === 'REFUSED' && ids.length === 0) problems.push(['criteria', 'Choose at least one criterion the refusal rests on']);
    if (!rationale) problems.push(['rationale', 'Enter the rationale for the decision']);
    const override = form.querySelector('#override')?.checked;
    const overrideReason = form.querySelector('#override-reason')?.value.trim();
    if (override && !overrideReason) problems.push(['override', 'Enter why you grant before the denying state replies']);
    if (problems.length) {
      showErrors(form, summary, problems);
      return;
    }
    const button = form.querySelector('#record-decision');
    button.disabled = true;
    try {
      // The deciding officer is the token's subject: the API records it as decidedBy.
      const body = { outcome, criteria: apiCriteria(ids), rationale };
      if (override && outcome.startsWith('APPROVED')) body.consultationOverride = { reason: overrideReason };
      await put(`${base}/decision`, body);
      const next = await firstUndecided(applicationId);
      flash.message = `Decision recorded for ${applicationId}: ${outcomeWords(outcome).toLowerCase()}.`;
      go(next ? `#/cases/${encodeURIComponent(next.applicationId)}` : '#/queue');
    } catch (e) {
      button.disabled = false;
      if (e instanceof ApiError && e.status === 400 && (e.problem.problems || []).length) {
        showErrors(form, summary, e.problem.problems.map((p) => [fieldOf(p.field), p.message]));
      } else {
        showErrors(form, summary, [[null, explain(e, 'decision')]]);
      }
    }
  });
  return h('section', { 'aria-labelledby': 'decision' },
    h('h2', { class: 'govuk-heading-m', id: 'decision', text: 'Decision' }), form);
}

/** Granting although a consultation is open: recorded with its reason (the API refuses a grant otherwise). */
function overrideFields(open) {
  return h('div', { class: 'govuk-form-group', id: 'override-group' },
    h('fieldset', { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s', text: 'Open consultation' }),
      h('div', { class: 'govuk-hint', text: `${open.map((c) => c.notifyingState).join(', ')} has not replied yet. A grant is refused `
        + 'while a consultation is open, unless you override it with a reason, which is recorded.' }),
      h('p', { class: 'govuk-error-message', id: 'override-error', hidden: true }),
      h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' }, h('div', { class: 'govuk-checkboxes__item' },
        h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: 'override', name: 'override' }),
        h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'override', text: 'Grant although the consultation is open' }))),
      h('label', { class: 'govuk-label', for: 'override-reason', text: 'Why grant before the reply' }),
      h('textarea', { class: 'govuk-textarea', id: 'override-reason', name: 'override-reason', rows: '2', maxlength: '4000' })));
}

const FIELDS = ['outcome', 'criteria', 'rationale', 'override'];

function fieldOf(path) {
  const field = String(path || '').replace(/^\$\.?/, '').split(/[.[]/)[0];
  if (field === 'consultationOverride') return 'override';
  return FIELDS.includes(field) ? field : null;
}

const FIRST_INPUT = {
  outcome: 'outcome-APPROVED', criteria: `criterion-${CRITERIA[0].id}`, rationale: 'rationale', override: 'override-reason',
};

/** The GOV.UK error summary: each problem linked to its field, and the message beside the field. */
function showErrors(form, summary, problems) {
  for (const f of FIELDS) {
    const message = problems.find(([field]) => field === f)?.[1];
    const el = form.querySelector(`#${f}-error`);
    if (!el) continue;
    form.querySelector(`#${f}-group`).classList.toggle('govuk-form-group--error', Boolean(message));
    el.hidden = !message;
    el.replaceChildren(...(message ? [h('span', { class: 'govuk-visually-hidden', text: 'Error: ' }), message] : []));
  }
  const conflict = problems.length === 1 && problems[0][0] === null;
  summary.hidden = false;
  summary.setAttribute('role', 'alert');
  summary.replaceChildren(h('div', {},
    h('h2', { class: 'govuk-error-summary__title', text: conflict ? 'Your decision was not recorded' : 'There is a problem' }),
    h('div', { class: 'govuk-error-summary__body' }, h('ul', { class: 'govuk-list govuk-error-summary__list' },
      problems.map(([field, message]) => h('li', {}, field
        ? h('a', { href: `#${FIRST_INPUT[field]}`, text: message })
        : h('span', { text: message })))))));
  summary.focus();
}

/** A refusal of the API in an officer's words. */
function explain(e, what) {
  if (!(e instanceof ApiError)) return 'Something went wrong. Try again.';
  const detail = e.problem.detail || '';
  if (e.status === 409) {
    if (/consult/i.test(detail)) {
      return 'A consultation with the state that denied an essentially identical transaction is still open, so this application '
        + 'cannot be granted yet. Refuse it, wait for the reply, or tick "Grant although the consultation is open" and say why.';
    }
    return what === 'decision'
      ? 'Someone recorded a different decision on this application while you were reading it, so yours was not recorded. '
        + 'Open the queue to continue, or reopen this case to see where it stands.'
      : `The API refused the review because the case changed meanwhile. (${detail})`;
  }
  if (e.status === 403) return 'Your account may not do this: it needs the officer role.';
  if (e.status === 404) return 'The API has no record of this application any more.';
  if (e.status === 429 || e.status === 503) return 'The service is busy. Wait a moment and try again: nothing was recorded twice.';
  return detail || e.message;
}
