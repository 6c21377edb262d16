/** How numbers and codes read for an officer. */

/** The service level for an individual licence, in working days. */
export const SERVICE_LEVEL_DAYS = 20;

export const BAND_WORDS = { HIGH: 'High risk', MEDIUM: 'Medium risk', LOW: 'Low risk' };

/** "about N in 100 comparable applications were refused" for a calibrated probability. */
export function inHundred(riskScore) {
  const n = Math.round(riskScore * 100);
  return `About ${n} in 100 comparable applications were refused`;
}

export function percent(riskScore) {
  return `${Math.round(riskScore * 100)}%`;
}

/** A band as a tag whose text says the band (never colour alone). */
export function bandTag(h, band) {
  const cls = { HIGH: 'govuk-tag--red', MEDIUM: 'govuk-tag--yellow', LOW: 'govuk-tag--green' }[band] || 'govuk-tag--grey';
  return h('strong', { class: `govuk-tag ${cls}`, text: BAND_WORDS[band] || band });
}

/** Working days (Monday to Friday) from `from` to `to`, not counting the first day. */
export function workingDaysBetween(from, to) {
  const start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const end = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate()));
  let days = 0;
  for (let d = new Date(start); d < end;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) days++;
  }
  return days;
}

/** "12 of 20 days" on the queue, and whether the service level is passed. */
export function queueTime(since, now = new Date()) {
  const days = workingDaysBetween(new Date(since), now);
  const over = days > SERVICE_LEVEL_DAYS;
  return { days, over, text: `${days} of ${SERVICE_LEVEL_DAYS} days${over ? ' (over the service level)' : ''}` };
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short',
});

export function date(iso) {
  return iso ? DATE.format(new Date(iso)) : '';
}

export function dateTime(iso) {
  return iso ? DATE_TIME.format(new Date(iso)) : '';
}

/** Red flag codes in words (the API's sentence carries the detail). */
const FLAG_WORDS = {
  EMBARGOED_DESTINATION: 'Embargoed destination',
  SANCTIONED_DESTINATION: 'Sanctioned destination',
  SURVEILLANCE_FOR_SECURITY_END_USER: 'Surveillance for a security end user',
  CATCH_ALL_CYBER_SURVEILLANCE: 'Art. 5 catch-all',
  MISSING_END_USER_STATEMENT: 'No end-user statement',
  THIRD_COUNTRY_INTERMEDIARY: 'Third-country intermediary',
  VAGUE_END_USE: 'Vague end use',
  END_USER_OUTSIDE_DESTINATION: 'End user outside destination',
  DISPROPORTIONATE_ORDER: 'Disproportionate order',
  GLOBAL_LICENCE_WITHOUT_ICP: 'Global licence without ICP',
  DENIAL_ESSENTIALLY_IDENTICAL: 'Essentially identical to a denial',
  DENIED_PARTY: 'Denied party',
};

export function flagWords(code) {
  return FLAG_WORDS[code] || code.toLowerCase().replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
}

const OUTCOME_WORDS = {
  APPROVED: 'Approve', APPROVED_WITH_CONDITIONS: 'Approve with conditions', REFUSED: 'Refuse', WITHDRAWN: 'Withdrawn by the exporter',
};

export function outcomeWords(outcome) {
  return OUTCOME_WORDS[outcome] || outcome;
}
