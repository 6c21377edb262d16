/** The API, called with the signed-in officer's token. Errors are RFC 9457 problems, kept as ApiError. */
import { token, signOut } from './auth.js';

let base = '';

export function configure(config) {
  base = config.apiBase || '';
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title || problem.message)) || `The API answered ${status}.`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** Calls the API; resolves to { status, body } for 2xx, rejects with ApiError otherwise. */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(base + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, { detail: 'The API could not be reached. Check the connection and try again.' });
  }
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.status === 401) signOut();
  if (!response.ok) throw new ApiError(response.status, parsed);
  return { status: response.status, body: parsed };
}

export const get = (path) => call('GET', path).then((r) => r.body);
export const put = (path, body) => call('PUT', path, body);

/** Encodes a path segment. */
export const seg = (s) => encodeURIComponent(s);
