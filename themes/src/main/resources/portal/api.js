// The delegated administration API (issue 8): the only place the portal gets data or changes it.
// Every path lives here once. Errors become Problem objects (RFC 9457 problem details); the
// portal never decides a permission itself: it shows what the API answers.
import { accessToken, refresh, realmUrl } from './oidc.js';

export const API = realmUrl + '/administration';

export class Problem extends Error {
  constructor(status, body) {
    super(body.title || body.detail || String(status));
    this.status = status;
    this.type = body.type;
    this.title = body.title;
    this.detail = body.detail;
    // RFC 9457 extension "errors": [{field|pointer|name, detail|reason|message}]
    this.errors = (body.errors || []).map(error => ({
      field: String(error.field || error.name || error.parameter || (error.pointer || '').replace(/^#?\//, '') || ''),
      detail: error.detail || error.reason || error.message || '',
    }));
  }
  get refused() { return this.status === 403 || this.status === 404; }
}

async function send(path, { method = 'GET', body, headers = {}, raw = false } = {}, retried = false) {
  const token = await accessToken();
  const request = { method, headers: { authorization: `Bearer ${token}`, accept: 'application/json, application/problem+json', ...headers } };
  if (body instanceof FormData || typeof body === 'string') {
    request.body = body;
  } else if (body !== undefined) {
    request.body = JSON.stringify(body);
    request.headers['content-type'] = 'application/json';
  }
  const response = await fetch(path.startsWith('http') ? path : API + path, request);
  if (response.status === 401 && !retried) {
    await refresh();
    return send(path, { method, body, headers, raw }, true);
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch (notJson) { /* a bare status */ }
    throw new Problem(response.status, problem);
  }
  if (raw) {
    return response;
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('content-type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  const etag = response.headers.get('etag');
  if (etag && data && typeof data === 'object') {
    Object.defineProperty(data, '__etag', { value: etag, enumerable: false });
  }
  return data;
}

const q = params => {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const text = search.toString();
  return text ? '?' + text : '';
};
const e = encodeURIComponent;

export const api = {
  me: () => send('/me'),
  organisations: () => send('/organisations'),
  organisation: key => send(`/organisations/${e(key)}`),
  people: (key, { search, cursor, limit } = {}) => send(`/organisations/${e(key)}/people${q({ q: search, cursor, limit })}`),
  addPerson: (key, body) => send(`/organisations/${e(key)}/people`, { method: 'POST', body }),
  person: (key, id) => send(`/organisations/${e(key)}/people/${e(id)}`),
  personGrants: (key, id) => send(`/organisations/${e(key)}/people/${e(id)}/grants`),
  personHistory: (key, id) => send(`/organisations/${e(key)}/audit${q({ person: id })}`),
  applications: key => send(`/applications${q({ organisation: key })}`),
  grantableRights: key => send(`/organisations/${e(key)}/rights`),
  rights: clientId => send(`/applications/${e(clientId)}/rights`),
  grant: (key, body) => send(`/organisations/${e(key)}/grants`, { method: 'POST', body }),
  revoke: (key, grantId, etag) => send(`/organisations/${e(key)}/grants/${e(grantId)}`, { method: 'DELETE', headers: etag ? { 'if-match': etag } : {} }),
  requests: () => send('/requests'),
  request: id => send(`/requests/${e(id)}`),
  decide: (id, decision, reason) => send(`/requests/${e(id)}/${decision}`, { method: 'POST', body: { reason } }),
  extend: (key, body, idempotencyKey) => send(`/organisations/${e(key)}/grants/validity`, { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } }),
  compare: (key, a, b) => send(`/organisations/${e(key)}/compare${q({ a, b })}`),
  copy: (key, body) => send(`/organisations/${e(key)}/copy`, { method: 'POST', body }),
  report: (key, format) => send(`/organisations/${e(key)}/report${q({ format })}`, { raw: true, headers: { accept: format === 'csv' ? 'text/csv' : 'application/json' } }),
  upload: (key, csv, apply) => send(`/organisations/${e(key)}/upload${q({ apply: apply ? 'true' : undefined })}`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } }),
  audit: (key, cursor) => send(`/organisations/${e(key)}/audit${q({ cursor })}`),
  administrators: key => send(`/organisations/${e(key)}/administrators`),
  appoint: (key, body) => send(`/organisations/${e(key)}/administrators`, { method: 'POST', body }),
  dismiss: (key, id) => send(`/organisations/${e(key)}/administrators/${e(id)}`, { method: 'DELETE' }),
  ownedApplications: () => send('/applications'),
  holders: clientId => send(`/applications/${e(clientId)}/holders`),
  signIns: clientId => send(`/applications/${e(clientId)}/sign-ins`),
  registerOrganisation: body => send('/organisations', { method: 'POST', body }),
  setLegalRepresentative: (key, body) => send(`/organisations/${e(key)}/legal-representatives`, { method: 'POST', body }),
  myGrants: () => send('/me/grants'),
  myRequests: () => send('/me/requests'),
  myAdministrators: () => send('/me/administrators'),
  requestRight: body => send('/me/requests', { method: 'POST', body }),
};

/** Items of a list answer, whatever envelope the API uses ({items}, {data}, {Resources} or an array). */
export function items(answer) {
  if (Array.isArray(answer)) return answer;
  if (!answer) return [];
  return answer.items || answer.data || answer.results || answer.Resources || [];
}
