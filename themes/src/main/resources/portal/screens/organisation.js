// One organisation: its people (search, cursor paging), and its administrators (head administrators
// appoint and remove local administrators). The API answers 403/404 alike for what the caller may
// not see; the shell then shows the refusal page.
import { t } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, field, button, table, link, showProblem, values, notice, choices } from '../ui.js';
import { orgNav, orgName, personPath, personName, orgPath, validity, personPicker, mayIn, peopleSearch } from './common.js';

export async function render({ params, query, navigate }) {
  const key = params.key;
  const search = query.get('q') || '';
  const cursor = query.get('cursor') || '';
  const started = performance.now();
  // one page of 50, searched and paged by the API in the directory; the organisation read beside it
  const [organisation, page] = await Promise.all([api.organisation(key), api.people(key, { search, cursor, limit: 50 })]);
  const people = items(page);
  const form = peopleSearch(orgPath(key), search, navigate);
  const next = page && page.next;
  const rows = people.map(p => [link(personPath(key, p.id), personName(p), { 'data-link': '' }), p.email || '', p.username || '']);
  return {
    title: orgName(organisation),
    content: [
      orgNav(key, ''),
      form,
      h('p', { class: 'hint', role: 'status', id: 'people-count', 'data-ms': Math.round(performance.now() - started) },
        page && page.total !== undefined ? t('people.count', { count: page.total }) : t('people.shown', { count: people.length })),
      table(t('people.title'), [t('person.name'), t('person.email'), t('person.username')], rows, { empty: t('people.none') }),
      next || cursor ? h('p', { class: 'body', id: 'people-pages' },
        cursor ? link(orgPath(key) + (search ? '?q=' + encodeURIComponent(search) : ''), t('common.firstPage'), { 'data-link': '', id: 'first-page' }) : null,
        cursor && next ? ' · ' : null,
        next ? link(orgPath(key) + '?' + new URLSearchParams({ ...(search ? { q: search } : {}), cursor: next }),
          t('people.next'), { 'data-link': '', rel: 'next', id: 'next-page' }) : null) : null,
    ],
  };
}

export async function administrators({ params, navigate, query }) {
  const key = params.key;
  const organisation = await api.organisation(key);
  // the people to choose from come from the API's search, 50 at a time: never the whole organisation
  const picker = personPicker({ key, name: 'personId', label: t('admins.person'), hint: t('admins.personHint') });
  const delegations = items(await api.delegations(key));
  await picker.ready.catch(() => null);
  const name = d => d.personName || d.personId;
  // only the roles the API says the caller may appoint here
  const roles = [['localAdministrator', 'appointLocalAdministrator'], ['headAdministrator', 'appointHeadAdministrator']]
    .filter(([, action]) => mayIn(key, action)).map(([role]) => ({ value: role, label: t('admins.' + role) }));
  const form = h('form', { novalidate: true, id: 'appoint' },
    h('h2', { class: 'heading-m' }, t('admins.appoint')),
    picker.element,
    choices({ name: 'role', legend: t('admins.role'), value: 'localAdministrator', options: roles }),
    field({ name: 'limitedToClientIds', label: t('admins.applications'), hint: t('admins.applicationsHint') }),
    field({ name: 'validTo', label: t('grant.validTo'), type: 'date' }),
    button(t('admins.appointButton')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = values(form);
    body.limitedToClientIds = (body.limitedToClientIds || '').split(',').map(s => s.trim()).filter(Boolean);
    try {
      await api.appoint(key, body);
      await navigate(orgPath(key) + '/administrators?done=1', { replace: true });
    } catch (error) {
      if (error instanceof Problem && !error.refused) showProblem(form, error); else throw error;
    }
  });
  return {
    title: t('admins.title', { organisation: orgName(organisation) }),
    content: [orgNav(key, '/administrators'), query.get('done') ? notice(t('admins.appointed')) : null,
      table(t('admins.current'), [t('person.name'), t('admins.role'), t('admins.applications'), t('grant.validity'), t('common.actions')],
        delegations.map(d => [name(d), t('admins.' + d.role), (d.limitedToClientIds || []).join(', ') || t('admins.all'),
          validity(d), h('button', { type: 'button', class: 'button button-warning button-small', onclick: async () => {
            await api.dismiss(key, d); navigate(orgPath(key) + '/administrators', { replace: true });
          } }, t('admins.remove'), h('span', { class: 'visually-hidden' }, ' ' + name(d)))]),
        { empty: t('admins.none') }),
      roles.length ? form : null],
  };
}
