/**
 * Who the officer is. Three modes, set by the server's config.json:
 * - "none": no sign-in (the local stack with LOCAL_AUTH=off, where the API lets every caller through);
 * - "local": a sign-in page to choose a local identity (LOCAL_AUTH=on); the token is unsigned, as the local
 *   server checks only its issuer, audience and expiry;
 * - "oidc": the authority's OpenID Connect provider (a Cognito user pool by default), authorization code with PKCE.
 * The token lives in this tab's sessionStorage only: never in a URL, never logged. What the officer may do is decided
 * by the API; the roles read here only hide links the API would refuse.
 */
const TOKEN_KEY = 'licence-risk-console.token';
const PKCE_KEY = 'licence-risk-console.pkce';

let config = null;

export function configure(c) {
  config = c;
}

export function mode() {
  return config.signIn;
}

export function token() {
  if (config.signIn === 'none') return null;
  const t = sessionStorage.getItem(TOKEN_KEY);
  if (!t) return null;
  const claims = decode(t);
  if (!claims || (claims.exp && claims.exp * 1000 <= Date.now())) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return t;
}

export function signedIn() {
  return config.signIn === 'none' || token() !== null;
}

/** The signed-in subject, or the API's open local caller when there is no sign-in. */
export function subject() {
  if (config.signIn === 'none') return config.openSubject || 'local-user';
  const t = token();
  return t ? decode(t).sub : null;
}

/** Exact role check over the token's role claim: OAuth scopes as one space-separated string, or a list. */
export function hasRole(role) {
  if (config.signIn === 'none') return true;
  const t = token();
  if (!t) return false;
  let roles = decode(t)[config.roleClaim || 'scope'] || [];
  if (typeof roles === 'string') roles = roles.split(' ');
  return Array.isArray(roles) && roles.includes(role);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

function decode(jwt) {
  try {
    const part = jwt.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

function b64url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function utf8(text) {
  return new TextEncoder().encode(text);
}

/** Local sign-in: an unsigned token for the chosen identity, valid for eight hours. */
export function signInLocally(identity) {
  const local = config.local;
  const claim = config.roleClaim || 'scope';
  const claims = {
    iss: local.issuer, aud: local.audience, sub: identity.subject,
    exp: Math.floor(Date.now() / 1000) + 8 * 3600,
    // OAuth scopes are one space-separated string (RFC 6749); group claims are a list.
    [claim]: claim === 'scope' ? identity.roles.join(' ') : identity.roles,
  };
  const jwt = `${b64url(utf8(JSON.stringify({ alg: 'none', typ: 'JWT' })))}.${b64url(utf8(JSON.stringify(claims)))}.local`;
  sessionStorage.setItem(TOKEN_KEY, jwt);
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

/** OpenID Connect: goes to the provider with a PKCE challenge; comes back to completeOidcSignIn. */
export async function startOidcSignIn() {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(verifier))));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const o = config.oidc;
  const url = new URL(o.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: o.clientId, redirect_uri: redirectUri(), scope: o.scope || 'openid',
    code_challenge: challenge, code_challenge_method: 'S256', state,
  }).toString();
  location.assign(url.toString());
}

/**
 * After the provider's redirect: exchanges the code for tokens and removes the code from the address bar.
 * Returns true when a sign-in was completed.
 */
export async function completeOidcSignIn() {
  if (config.signIn !== 'oidc') return false;
  const params = new URLSearchParams(location.search);
  if (!params.has('code')) return false;
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', `${location.pathname}#/queue`);
  if (!saved || saved.state !== params.get('state')) {
    throw new Error('The sign-in answer did not match the request made from this tab. Sign in again.');
  }
  const o = config.oidc;
  const response = await fetch(o.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: o.clientId, code: params.get('code'),
      redirect_uri: redirectUri(), code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) throw new Error('The identity provider did not issue a token. Sign in again.');
  const tokens = await response.json();
  sessionStorage.setItem(TOKEN_KEY, tokens.access_token);
  return true;
}
