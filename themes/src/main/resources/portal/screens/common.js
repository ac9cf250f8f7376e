// Shared pieces of the screens: names, organisation sub-navigation, sections that load on their own.
import { portalBase } from '../oidc.js';
import { t, date, dateTime, termOr } from '../i18n.js';
import { h, tag, fieldId, field, button } from '../ui.js';
import { api, items, Problem } from '../api.js';

export const base = portalBase;
export const orgPath = key => `${portalBase}organisations/${encodeURIComponent(key)}`;
export const personPath = (key, id) => `${orgPath(key)}/people/${encodeURIComponent(id)}`;

export function personName(person) {
  if (!person) return '';
  return [person.givenName, person.familyName].filter(Boolean).join(' ') || person.username || person.id;
}

export function orgName(organisation) {
  return organisation ? (organisation.name ? `${organisation.name} (${organisation.key})` : organisation.key) : '';
}

/** The 3D-role-like label of a grant: Right[-context]. */
export function rightLabel(grant) {
  const right = grant.right || grant.rightName || '';
  return grant.context ? `${right}-${grant.context}` : right;
}

/**
 * The cells of an audit entry: when (date and time), who (the person's name, or the application
 * that acted), in which role, what was done, and to what with each changed field before → after.
 * Codes the portal has no words for are shown as the API sent them.
 */
export function auditCells(entry, { role = true } = {}) {
  const who = entry.actorName || entry.actorClientId || entry.actorPersonId || '';
  const kind = String(entry.target || '').split('/')[0];
  const changed = auditChanges(entry);
  return [dateTime(entry.at), who, ...(role ? [termOr('auditRole.' + entry.role, entry.role || '')] : []),
    termOr('auditAction.' + entry.action, entry.action),
    h('div', { class: 'audit-what' }, kind ? h('span', { class: 'audit-kind' }, termOr('auditKind.' + kind, kind)) : null,
      changed.length ? h('ul', { class: 'audit-changes' }, changed.map(line => h('li', {}, line))) : null)];
}

/** The words for an audit entry's fields: the labels the screens use for them, where there are. */
const AUDIT_FIELDS = { personId: 'auditField.personId', decidedBy: 'auditField.decidedBy', workRelationId: 'auditField.workRelationId',
  clientId: 'grant.application', right: 'grant.right', organisationKey: 'grant.organisation', context: 'grant.context',
  validFrom: 'grant.validFrom', validTo: 'grant.validTo', status: 'grant.status', reason: 'grant.reason', type: 'workRelation.type',
  role: 'admins.role', limitedToClientIds: 'admins.applications', givenName: 'person.givenName', familyName: 'person.familyName',
  email: 'person.email', userName: 'person.username', nationalRegisterNumber: 'person.nrn' };
/** Where a field's codes have words: status, work-relation type, administrator role. */
const AUDIT_CODES = { status: 'status.', type: 'workRelation.', role: 'admins.' };

/** One value of an audit entry as a person reads it: a person by name, a moment by date and time, a code in words. */
function auditValue(entry, field, value) {
  if (value === undefined || value === null) return '–';
  if ((entry.people || {})[value]) return entry.people[value];
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return dateTime(value);
  return AUDIT_CODES[field] ? termOr(AUDIT_CODES[field] + value, value) : value;
}

/** What an audit entry changed, a line per field: before → after, or only the value of what was made. */
export function auditChanges(entry) {
  const before = entry.before || {};
  const after = entry.after || {};
  const made = !Object.keys(before).length;
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(k => before[k] !== after[k])
    .map(k => {
      const label = AUDIT_FIELDS[k] ? t(AUDIT_FIELDS[k]) : k;
      return made ? `${label}: ${auditValue(entry, k, after[k])}`
        : `${label}: ${auditValue(entry, k, before[k])} → ${auditValue(entry, k, after[k])}`;
    });
}

/** The search for people of a screen at {@code path} (name, number or mail): the query goes in the URL as q. */
export function peopleSearch(path, search, navigate) {
  const form = h('form', { class: 'search', role: 'search', method: 'get', action: path },
    field({ name: 'q', label: t('people.search'), hint: t('people.searchHint'), value: search, type: 'search' }),
    button(t('people.searchButton'), { class: 'button button-secondary' }));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const q = new FormData(form).get('q');
    navigate(path + (q ? '?q=' + encodeURIComponent(q) : ''));
  });
  return form;
}

export function validity(item) {
  const from = date(item.validFrom || item.from);
  const to = date(item.validTo || item.until || item.to);
  if (from && to) return t('validity.fromTo', { from, to });
  if (from) return t('validity.from', { from });
  if (to) return t('validity.to', { to });
  return t('validity.always');
}

export function status(value) {
  const kind = { active: 'tag-green', requested: 'tag-yellow', rejected: 'tag-red', revoked: 'tag-grey', ended: 'tag-grey' }[String(value).toLowerCase()] || '';
  return tag(t('status.' + String(value).toLowerCase()), kind);
}

/**
 * What the caller may do (GET /me/permissions), read once after sign-in: the portal shows only the
 * menus and actions the API says work. It does not judge anything itself; when the answer is
 * missing it shows every link and lets the API refuse.
 */
export const session = { permissions: null };

/** The API's actions for one organisation, or null when not known (then nothing is hidden). */
export function organisationActions(key) {
  const permissions = session.permissions;
  if (!permissions) return null;
  const found = (permissions.organisations || []).find(o => o.key === key);
  return found ? found.actions || [] : null;
}

/** Whether the API allows any of these actions for the organisation (true when not known). */
export function mayIn(key, ...actions) {
  const allowed = organisationActions(key);
  return allowed === null || actions.some(action => allowed.includes(action));
}

/** Links to the organisation's screens, those the API's permissions allow. */
export function orgNav(key, current) {
  const items = [['', 'org.people', 'managePeople'], ['/people/new', 'org.addPerson', 'managePeople'],
    ['/extend', 'org.extend', 'grant'], ['/compare', 'org.compare', 'grant'],
    ['/reports', 'org.reports', 'managePeople'], ['/audit', 'org.audit', 'managePeople'],
    ['/administrators', 'org.administrators', 'appointLocalAdministrator', 'appointHeadAdministrator']]
    .filter(([, , ...actions]) => mayIn(key, ...actions));
  return h('nav', { class: 'sub-nav', 'aria-label': t('org.navLabel') }, h('ul', {}, items.map(([suffix, key2]) => h('li', {},
    h('a', { href: orgPath(key) + suffix, 'data-link': '', class: 'link', 'aria-current': current === suffix ? 'page' : undefined }, t(key2))))));
}

/**
 * A person of the organisation, chosen from the API's server-side search (name, national register
 * number or mail address), 50 at a time: a search field, a button, and a list of what was found,
 * with "more" while the API has a next page. Nobody is out of reach, and the browser never holds
 * the whole organisation. The chosen person's id is the form's value {name}.
 */
export function personPicker({ key, name, label, hint, value = '', valueLabel = '' }) {
  const id = fieldId(name);
  const search = h('input', { id: id + '-search', type: 'search', class: 'input', autocomplete: 'off',
    'aria-describedby': id + '-search-hint' });
  const select = h('select', { id, name, class: 'select', 'aria-describedby': (hint ? id + '-hint ' : '') + id + '-error ' + id + '-status' });
  const status = h('p', { class: 'hint', id: id + '-status', role: 'status' });
  const more = h('button', { type: 'button', class: 'button button-secondary button-small', id: id + '-more', hidden: true }, t('picker.more'));
  let next = null;
  let query = '';
  const load = async (append) => {
    const page = await api.people(key, { search: query, cursor: append ? next : undefined, limit: 50 });
    const found = items(page);
    next = page && page.next;
    if (!append) {
      select.replaceChildren(h('option', { value: '' }, t('common.choose')),
        ...(value && valueLabel && !found.some(p => p.id === value) ? [h('option', { value }, valueLabel)] : []));
    }
    found.forEach(p => select.append(h('option', { value: p.id },
      `${personName(p)}${p.nationalRegisterNumber || p.username ? ' (' + (p.nationalRegisterNumber || p.username) + ')' : ''}`)));
    select.value = value && [...select.options].some(o => o.value === value) ? value : select.value;
    // what this list answers (read by the browser tests, so they wait for the search they started)
    select.dataset.query = query;
    const shown = select.options.length - 1;
    status.textContent = next ? t('picker.shownMore', { count: shown }) : t('picker.shown', { count: shown });
    more.hidden = !next;
  };
  const find = () => { query = search.value.trim(); value = ''; load(false).catch(() => { status.textContent = t('error.text'); }); };
  const searchButton = h('button', { type: 'button', class: 'button button-secondary button-small', id: id + '-find' }, t('people.searchButton'));
  searchButton.addEventListener('click', find);
  // Enter in the search field searches; it does not submit the form around it
  search.addEventListener('keydown', event => { if (event.key === 'Enter') { event.preventDefault(); find(); } });
  more.addEventListener('click', () => load(true).catch(() => { status.textContent = t('error.text'); }));
  const element = h('div', { class: 'form-group picker', 'data-field': name },
    h('label', { class: 'label', for: id + '-search' }, t('picker.search', { label })),
    h('div', { class: 'hint', id: id + '-search-hint' }, t('people.searchHint')),
    h('div', { class: 'picker-search' }, search, searchButton),
    h('label', { class: 'label', for: id }, label),
    hint ? h('div', { class: 'hint', id: id + '-hint' }, hint) : null,
    h('p', { class: 'error-message', id: id + '-error', hidden: true }),
    select, status, more);
  return { element, ready: load(false) };
}

/**
 * A table that shows a list page by page as the API pages it (its cursor): the first page at once,
 * then "more" appends the next page's rows while the API has one. Resolves once the first page is drawn.
 */
export async function pagedTable({ caption, headers, load, row, empty, id }) {
  let page = await load(undefined);
  const first = items(page);
  if (!first.length) return h('p', { class: 'body', id }, empty || t('common.none'));
  const tbody = h('tbody', {});
  const more = h('button', { type: 'button', class: 'button button-secondary', id: id ? id + '-more' : undefined }, t('picker.more'));
  const draw = list => list.forEach(item => tbody.append(h('tr', {}, row(item).map((cell, index) => index === 0
    ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))));
  draw(first);
  more.hidden = !page.next;
  more.addEventListener('click', async () => {
    more.disabled = true;
    page = await load(page.next);
    draw(items(page));
    more.disabled = false;
    more.hidden = !page.next;
  });
  return h('div', { id },
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
      h('table', { class: 'table' }, h('caption', { class: 'table-caption' }, caption),
        h('thead', {}, h('tr', {}, headers.map(header => h('th', { scope: 'col' }, header)))), tbody)),
    more);
}

/**
 * A section filled by its own API call: a refusal or a missing endpoint shows a short line
 * instead of failing the page (a person without administration rights still sees their own data).
 */
export function section(title, load, draw, { id } = {}) {
  const body = h('div', { class: 'section-body' }, h('p', { class: 'hint' }, t('common.loading')));
  const element = h('section', { class: 'section', id, 'aria-labelledby': id ? id + '-title' : undefined },
    h('h2', { class: 'heading-m', id: id ? id + '-title' : undefined }, title), body);
  Promise.resolve().then(load).then(data => body.replaceChildren(...[draw(data)].flat(Infinity).filter(node => node !== null && node !== undefined && node !== false)))
    .catch(error => body.replaceChildren(h('p', { class: 'hint' },
      error instanceof Problem && error.refused ? t('common.notAvailable') : t('error.text'))));
  return element;
}

export function backLink(href, text) {
  return h('a', { href, class: 'back-link', 'data-link': '' }, text || t('common.back'));
}
