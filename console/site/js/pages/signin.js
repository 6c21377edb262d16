/** Sign-in: a local identity (LOCAL_AUTH=on) or the authority's OpenID Connect provider. */
import { h, add } from '../dom.js';
import * as auth from '../auth.js';
import { go, flash } from '../app.js';

export async function renderSignIn(view, config) {
  if (auth.mode() === 'none' || auth.signedIn()) {
    go('#/queue');
    return 'sign-in';
  }
  const notice = flash.message;
  flash.message = null;
  add(view, h('h1', { class: 'govuk-heading-l', text: 'Sign in' }));
  if (notice) add(view, h('div', { class: 'govuk-inset-text', text: notice }));
  if (auth.mode() === 'oidc') {
    add(view, 
      h('p', { class: 'govuk-body', text: 'Sign in with your authority account. You will come back here afterwards.' }),
      h('button', { type: 'button', class: 'govuk-button', 'data-module': 'govuk-button', text: 'Sign in with your authority account',
        on: { click: () => auth.startOidcSignIn() } }));
    return 'sign-in';
  }
  const error = h('p', { class: 'govuk-error-message', id: 'identity-error', hidden: true });
  const identities = config.local.identities;
  const form = h('form', { novalidate: true },
    h('div', { class: 'govuk-form-group', id: 'identity-group' },
      h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': 'identity-hint' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' },
          h('span', { class: 'govuk-fieldset__heading', text: 'Choose a local identity' })),
        h('div', { class: 'govuk-hint', id: 'identity-hint',
          text: 'This local stack runs with LOCAL_AUTH=on: the token is unsigned and only for trying the console on this machine.' }),
        error,
        h('div', { class: 'govuk-radios', 'data-module': 'govuk-radios' }, identities.map((idn, i) =>
          h('div', { class: 'govuk-radios__item' },
            h('input', { class: 'govuk-radios__input', id: `identity-${i}`, name: 'identity', type: 'radio', value: String(i),
              'data-autofocus': i === 0 ? true : null }),
            h('label', { class: 'govuk-label govuk-radios__label', for: `identity-${i}` },
              `${idn.subject} `, h('span', { class: 'govuk-hint govuk-radios__hint app-inline-hint',
                text: idn.roles.length ? `roles: ${idn.roles.join(', ')}` : 'no role' }))))))),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', text: 'Sign in' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name=identity]:checked');
    if (!chosen) {
      error.hidden = false;
      error.replaceChildren(h('span', { class: 'govuk-visually-hidden', text: 'Error: ' }), 'Choose an identity to sign in as');
      form.querySelector('#identity-group').classList.add('govuk-form-group--error');
      form.querySelector('input[name=identity]').focus();
      return;
    }
    auth.signInLocally(identities[Number(chosen.value)]);
    go(auth.hasRole(config.dataScientistRole) && !auth.hasRole(config.officerRole) ? '#/models' : '#/queue');
  });
  add(view, form);
  return 'sign-in';
}
