// Shared pieces of the screens: names, organisation sub-navigation, sections that load on their own.
import { portalBase } from '../oidc.js';
import { t, date } from '../i18n.js';
import { h, tag } from '../ui.js';
import { Problem } from '../api.js';

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

/** Links to the organisation's screens; the API decides what each shows. */
export function orgNav(key, current) {
  const items = [['', 'org.people'], ['/people/new', 'org.addPerson'], ['/extend', 'org.extend'], ['/compare', 'org.compare'],
    ['/reports', 'org.reports'], ['/audit', 'org.audit'], ['/administrators', 'org.administrators']];
  return h('nav', { class: 'sub-nav', 'aria-label': t('org.navLabel') }, h('ul', {}, items.map(([suffix, key2]) => h('li', {},
    h('a', { href: orgPath(key) + suffix, 'data-link': '', class: 'link', 'aria-current': current === suffix ? 'page' : undefined }, t(key2))))));
}

/**
 * A section filled by its own API call: a refusal or a missing endpoint shows a short line
 * instead of failing the page (a person without administration rights still sees their own data).
 */
export function section(title, load, draw, { id } = {}) {
  const body = h('div', { class: 'section-body' }, h('p', { class: 'hint' }, t('common.loading')));
  const element = h('section', { class: 'section', id, 'aria-labelledby': id ? id + '-title' : undefined },
    h('h2', { class: 'heading-m', id: id ? id + '-title' : undefined }, title), body);
  Promise.resolve().then(load).then(data => body.replaceChildren(...[draw(data)].flat()))
    .catch(error => body.replaceChildren(h('p', { class: 'hint' },
      error instanceof Problem && error.refused ? t('common.notAvailable') : t('error.text'))));
  return element;
}

export function backLink(href, text) {
  return h('a', { href, class: 'back-link', 'data-link': '' }, text || t('common.back'));
}
