/**
 * The console: a few pages over the API, routed by the address's fragment (#/queue, #/cases/{id}, #/models,
 * #/sign-in), which never reaches a server or its logs. Application contents never enter the address or storage.
 */
import { h, replace } from './dom.js';
import * as auth from './auth.js';
import * as api from './api.js';
import { renderQueue } from './pages/queue.js';
import { renderCase } from './pages/case.js';
import { renderModels } from './pages/models.js';
import { renderSignIn } from './pages/signin.js';

const main = () => document.getElementById('main-content');
let config;
let renderSeq = 0;
let lastRoute = '#/queue';

/** Messages carried to the next page (e.g. "decision recorded"), in memory only. */
export const flash = { message: null };

export function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function nav() {
  const items = [];
  if (auth.signedIn()) {
    if (auth.hasRole(config.officerRole)) items.push(['#/queue', 'Queue']);
    if (auth.hasRole(config.dataScientistRole)) items.push(['#/models', 'Models']);
    if (auth.mode() !== 'none') items.push(['#/sign-out', `Sign out (${auth.subject()})`]);
  } else if (auth.mode() !== 'none') {
    items.push(['#/sign-in', 'Sign in']);
  }
  const current = location.hash || '#/queue';
  replace(document.getElementById('nav'), items.map(([href, text]) => {
    const active = current.startsWith(href) || (href === '#/queue' && current.startsWith('#/cases/'));
    return h('li', { class: `govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}` },
      h('a', { class: 'govuk-service-navigation__link', href, 'aria-current': active ? 'page' : null, text }));
  }));
}

function focusTarget(id) {
  const target = document.getElementById(id);
  if (!target) return;
  if (!target.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/** Renders a page into <main>, focuses its heading and records how long it took (performance.measure). */
async function route() {
  const started = performance.now();
  const hash = location.hash || '#/queue';
  if (!hash.startsWith('#/')) {
    // An in-page link (the skip link, an error summary's link): focus its target and keep the page's address.
    history.replaceState(null, '', lastRoute);
    focusTarget(decodeURIComponent(hash.slice(1)));
    return undefined;
  }
  lastRoute = hash;
  const seq = ++renderSeq;
  const root = main();
  root.setAttribute('aria-busy', 'true');
  delete document.body.dataset.page;
  nav();
  let page;
  try {
    if (hash === '#/sign-out') {
      auth.signOut();
      history.replaceState(null, '', '#/sign-in');
      return route();
    }
    if (!auth.signedIn() && hash !== '#/sign-in') {
      history.replaceState(null, '', '#/sign-in');
      return route();
    }
    const view = h('div');
    if (hash === '#/sign-in') page = await renderSignIn(view, config);
    else if (hash.startsWith('#/cases/')) page = await renderCase(view, decodeURIComponent(hash.slice(8)), config);
    else if (hash === '#/models') page = await renderModels(view, config);
    else page = await renderQueue(view, config);
    if (seq !== renderSeq) return undefined;
    replace(root, view.childNodes.length ? [...view.childNodes] : view);
  } catch (e) {
    if (seq !== renderSeq) return undefined;
    // A fault of the console itself (not a refusal of the API) is reported to the browser's console, by kind only.
    if (!(e instanceof api.ApiError)) console.error(`Console fault: ${e && e.name}`);
    page = 'error';
    replace(root, errorPage(e));
  }
  root.removeAttribute('aria-busy');
  nav();
  document.title = `${root.querySelector('h1')?.textContent || 'Console'} – Licence risk console`;
  const target = root.querySelector('[data-autofocus]') || root.querySelector('h1');
  if (target) {
    if (!target.hasAttribute('tabindex') && target.tagName === 'H1') target.setAttribute('tabindex', '-1');
    target.focus();
  }
  // How long the page took: from the navigation inside the console (render:…), and since the document's start (ready:…).
  performance.measure(`render:${page}`, { start: started, end: performance.now() });
  performance.mark(`ready:${page}`);
  document.body.dataset.page = page;
  return undefined;
}

function errorPage(e) {
  const status = e instanceof api.ApiError ? e.status : 0;
  const title = status === 403 ? 'You do not have access to this page'
    : status === 404 ? 'Not found'
      : 'Something went wrong';
  const explanation = status === 403
    ? 'The API refused this for your account: it needs a role your sign-in does not carry. Ask your administrator.'
    : status === 404 ? 'The API has no record of this. It may have been decided or never scored.'
      : (e && e.message) || 'The console could not show this page.';
  // Refused by the API: signing in as someone else may help; a queue link would only be refused again.
  const next = status === 403 && auth.mode() !== 'none'
    ? h('a', { class: 'govuk-link', href: '#/sign-out', text: 'Sign out to sign in with another account' })
    : h('a', { class: 'govuk-link', href: '#/queue', text: 'Go to the queue' });
  return [
    h('h1', { class: 'govuk-heading-l', text: title }),
    h('p', { class: 'govuk-body', text: explanation }),
    h('p', { class: 'govuk-body' }, next),
  ];
}

async function start() {
  const response = await fetch('config.json', { cache: 'no-store' });
  config = await response.json();
  config.officerRole = config.officerRole || 'licence-risk/officer';
  config.dataScientistRole = config.dataScientistRole || 'licence-risk/data-scientist';
  auth.configure(config);
  api.configure(config);
  try {
    await auth.completeOidcSignIn();
  } catch (e) {
    flash.message = e.message;
  }
  window.addEventListener('hashchange', route);
  // In-page links (skip link, error summaries) move focus without touching the address.
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#"]');
    const href = link && link.getAttribute('href');
    if (!href || href.startsWith('#/')) return;
    event.preventDefault();
    focusTarget(href.slice(1));
  });
  await route();
}

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
start();
