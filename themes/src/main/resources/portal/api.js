// The delegated administration API (issue 8): the only place the portal gets data or changes it.
// Every path lives here once. Errors become Problem objects (RFC 9457 problem details); the
// portal never decides a permission itself: it shows what the API answers.
import { accessToken, refresh, realmUrl } from './oidc.js';

// the delegated administration API's base (its OpenAPI document: API + '/openapi.json')
export const API = realmUrl + '/toegang-admin/v1';

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

// an array is sent as the parameter repeated (personId=a&personId=b)
const q = params => {
  const search = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v.map(one => [k, one]) : [[k, v]]))
    .filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const text = search.toString();
  return text ? '?' + text : '';
};
const e = encodeURIComponent;

const ifMatch = etag => (etag ? { 'if-match': etag } : {});

export const api = {
  me: () => send('/me'),
  /** what the caller may do, per organisation and application: which menus and actions the portal shows */
  permissions: () => send('/me/permissions'),
  requestWorkRelation: body => send('/me/work-relation-requests', { method: 'POST', body }),
  withdrawWorkRelation: request => send(`/me/work-relation-requests/${e(request.id)}/withdraw`, { method: 'POST', headers: ifMatch(request.etag) }),
  workRelationRequests: (key, { status, cursor, limit } = {}) => send(`/organisations/${e(key)}/work-relation-requests${q({ status, cursor, limit })}`),
  decideWorkRelation: (key, request, decision, reason) => send(`/organisations/${e(key)}/work-relation-requests/${e(request.id)}/${decision}`,
    { method: 'POST', body: { reason }, headers: ifMatch(request.etag) }),
  requestRight: body => send('/me/requests', { method: 'POST', body }),
  withdraw: request => send(`/me/requests/${e(request.id)}/withdraw`, { method: 'POST', headers: ifMatch(request.etag) }),
  organisations: ({ cursor, limit = 50 } = {}) => send(`/organisations${q({ cursor, limit })}`),
  organisation: key => send(`/organisations/${e(key)}`),
  registerOrganisation: body => send('/organisations', { method: 'POST', body }),
  setLegalRepresentative: (key, body) => send(`/organisations/${e(key)}/legal-representatives`, { method: 'POST', body }),
  /** search: a name, an 11-digit national register number or a mail address */
  people: (key, { search, cursor, limit } = {}) => {
    const text = (search || '').trim();
    const criterion = /^\d{11}$/.test(text.replace(/[.\- ]/g, '')) ? { nationalRegisterNumber: text.replace(/[.\- ]/g, '') }
      : text.includes('@') ? { email: text } : { name: text };
    return send(`/organisations/${e(key)}/people${q({ ...criterion, cursor, limit })}`);
  },
  addPerson: (key, body) => send(`/organisations/${e(key)}/people`, { method: 'POST', body }),
  person: (key, id) => send(`/organisations/${e(key)}/people/${e(id)}`),
  workRelations: (key, personId) => send(`/organisations/${e(key)}/work-relations${q({ personId, limit: 200 })}`),
  grants: (key, { personId, status, cursor, limit } = {}) => send(`/organisations/${e(key)}/grants${q({ personId, status, cursor, limit })}`),
  grantableRights: key => send(`/organisations/${e(key)}/rights`),
  grant: (key, body) => send(`/organisations/${e(key)}/grants`, { method: 'POST', body }),
  revoke: (key, grant, reason) => send(`/organisations/${e(key)}/grants/${e(grant.id)}/revoke`, { method: 'POST', body: { reason }, headers: ifMatch(grant.etag) }),
  bulkValidity: (key, changes, idempotencyKey) => send(`/organisations/${e(key)}/grants/bulk-validity`, { method: 'POST', body: { changes }, headers: { 'idempotency-key': idempotencyKey } }),
  delegations: key => send(`/organisations/${e(key)}/delegations`),
  appoint: (key, body) => send(`/organisations/${e(key)}/delegations`, { method: 'POST', body }),
  dismiss: (key, delegation) => send(`/organisations/${e(key)}/delegations/${e(delegation.id)}`, { method: 'DELETE', headers: ifMatch(delegation.etag) }),
  requests: ({ cursor, limit = 50 } = {}) => send(`/requests${q({ cursor, limit })}`),
  request: id => send(`/requests/${e(id)}`),
  decide: (request, decision, reason) => send(`/requests/${e(request.id)}/${decision}`, { method: 'POST', body: { reason }, headers: ifMatch(request.etag) }),
  applications: () => send('/applications?limit=200'),
  application: clientId => send(`/applications/${e(clientId)}`),
  rights: clientId => send(`/applications/${e(clientId)}/rights`),
  holders: (clientId, { cursor, limit = 50 } = {}) => send(`/applications/${e(clientId)}/grants${q({ cursor, limit })}`),
  // reports, audit trail, comparison and copy, bulk upload, sign-in statistics ("oversight")
  audit: (key, cursor, limit = 50) => send(`/organisations/${e(key)}/audit${q({ cursor, limit })}`),
  reportRows: key => send(`/organisations/${e(key)}/reports/rights`),
  reportCsv: key => send(`/organisations/${e(key)}/reports/rights.csv`, { raw: true, headers: { accept: 'text/csv' } }),
  uploadPreview: (key, csv) => send(`/organisations/${e(key)}/bulk-uploads/preview`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } }),
  upload: (key, csv) => send(`/organisations/${e(key)}/bulk-uploads`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } }),
  compare: (key, from, to) => send(`/organisations/${e(key)}/comparisons${q({ from, to })}`),
  copy: (key, from, to) => send(`/organisations/${e(key)}/comparisons/copy`, { method: 'POST', body: { from, to } }),
  signIns: clientId => send(`/applications/${e(clientId)}/sign-ins`),
  // where the application's people are provisioned over SCIM (its owner); the credential is write-only
  provisioningTarget: clientId => send(`/applications/${e(clientId)}/provisioning-target`),
  putProvisioningTarget: (clientId, body, etag) => send(`/applications/${e(clientId)}/provisioning-target`,
    { method: 'PUT', body, headers: ifMatch(etag) }),
  removeProvisioningTarget: (clientId, etag) => send(`/applications/${e(clientId)}/provisioning-target`,
    { method: 'DELETE', headers: ifMatch(etag) }),
};

/** Items of a list answer, whatever envelope the API uses ({items}, {data}, {Resources} or an array). */
export function items(answer) {
  if (Array.isArray(answer)) return answer;
  if (!answer) return [];
  return answer.items || answer.data || answer.results || answer.Resources || [];
}
