/**
 * Builds DOM nodes without ever parsing HTML: every text goes in through textContent, so nothing an application
 * carries can become markup or script.
 */

/**
 * Creates an element. attrs: plain attributes, except `class`, `text` (textContent), `on` ({event: handler}) and
 * `props` (assigned as properties, e.g. checked). Children: nodes, strings (as text), arrays, null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const svg = tag.startsWith('svg:');
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') el.textContent = String(value);
    else if (name === 'on') for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    else if (name === 'props') Object.assign(el, value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Appends children as h() does: null and false are skipped, arrays flattened, strings added as text. */
export function add(el, ...children) {
  append(el, children);
  return el;
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A GOV.UK summary list from [key, value] rows. */
export function summaryList(rows, attrs = {}) {
  return h('dl', { class: 'govuk-summary-list', ...attrs },
    rows.filter(Boolean).map(([key, value]) => h('div', { class: 'govuk-summary-list__row' },
      h('dt', { class: 'govuk-summary-list__key', text: key }),
      h('dd', { class: 'govuk-summary-list__value' }, value))));
}

/** A GOV.UK table; head: column titles; rows: arrays of cells (nodes or text). */
export function table(caption, head, rows, attrs = {}) {
  return h('table', { class: 'govuk-table', ...attrs },
    caption ? h('caption', { class: 'govuk-table__caption govuk-table__caption--m', text: caption }) : null,
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
      head.map((t) => h('th', { scope: 'col', class: 'govuk-table__header', text: t })))),
    h('tbody', { class: 'govuk-table__body' }, rows.map((cells) => h('tr', { class: 'govuk-table__row' },
      cells.map((c, i) => h('td', { class: 'govuk-table__cell', 'data-label': head[i] }, c))))));
}

/** A scrollable, keyboard-reachable region around a wide table. */
export function scrollRegion(label, content) {
  return h('div', { class: 'app-scroll', role: 'region', 'aria-label': label, tabindex: '0' }, content);
}
