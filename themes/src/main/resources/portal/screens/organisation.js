// One organisation: its people (search, cursor paging), and its administrators (head administrators
// appoint and remove local administrators). The API answers 403/404 alike for what the caller may
// not see; the shell then shows the refusal page.
import { t } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, field, button, table, link, showProblem, values, notice, choices } from '../ui.js';
import { orgNav, orgName, personPath, personName, section, orgPath } from './common.js';

export async function render({ params, query, navigate }) {
  const key = params.key;
  const organisation = await api.organisation(key);
  const search = query.get('q') || '';
  const cursor = query.get('cursor') || '';
  const started = performance.now();
  const page = await api.people(key, { search, cursor, limit: 50 });
  const people = items(page);
  const form = h('form', { class: 'search', role: 'search', method: 'get', action: orgPath(key) },
    field({ name: 'q', label: t('people.search'), hint: t('people.searchHint'), value: search, type: 'search' }),
    button(t('people.searchButton'), { class: 'button button-secondary' }));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const q = new FormData(form).get('q');
    navigate(orgPath(key) + (q ? '?q=' + encodeURIComponent(q) : ''));
  });
  const next = page && (page.next || page.nextCursor || (page.links && page.links.next));
  const rows = people.map(p => [link(personPath(key, p.id), personName(p), { 'data-link': '' }), p.email || '',
    (p.workRelations || []).map(w => t('workRelation.' + w.type, {})).join(', ')]);
  return {
    title: orgName(organisation),
    content: [
      orgNav(key, ''),
      form,
      h('p', { class: 'hint', role: 'status', id: 'people-count', 'data-ms': Math.round(performance.now() - started) },
        page && page.total !== undefined ? t('people.count', { count: page.total }) : t('people.shown', { count: people.length })),
      table(t('people.title'), [t('person.name'), t('person.email'), t('person.workRelations')], rows, { empty: t('people.none') }),
      next ? h('p', {}, link(orgPath(key) + '?' + new URLSearchParams({ ...(search ? { q: search } : {}), cursor: String(next).replace(/^.*cursor=/, '') }),
        t('people.next'), { 'data-link': '', rel: 'next', id: 'next-page' })) : null,
    ],
  };
}

export async function administrators({ params, navigate }) {
  const key = params.key;
  const organisation = await api.organisation(key);
  const list = await api.administrators(key);
  const form = h('form', { novalidate: true, id: 'appoint' },
    h('h2', { class: 'heading-m' }, t('admins.appoint')),
    field({ name: 'nationalRegisterNumber', label: t('person.nrn'), hint: t('person.nrnHint'), inputmode: 'numeric' }),
    choices({ name: 'role', legend: t('admins.role'), value: 'local', options: [
      { value: 'local', label: t('admins.local') }, { value: 'head', label: t('admins.head') }] }),
    field({ name: 'applications', label: t('admins.applications'), hint: t('admins.applicationsHint') }),
    field({ name: 'validTo', label: t('grant.validTo'), type: 'date' }),
    button(t('admins.appointButton')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = values(form);
    if (body.applications) body.applications = body.applications.split(',').map(s => s.trim()).filter(Boolean);
    try {
      await api.appoint(key, body);
      await navigate(orgPath(key) + '/administrators?done=1', { replace: true });
    } catch (error) {
      if (error instanceof Problem) showProblem(form, error); else throw error;
    }
  });
  const done = new URLSearchParams(location.search).get('done');
  return {
    title: t('admins.title', { organisation: orgName(organisation) }),
    content: [orgNav(key, '/administrators'), done ? notice(t('admins.appointed')) : null,
      table(t('admins.title', { organisation: organisation.key }), [t('person.name'), t('admins.role'), t('admins.applications'), t('grant.validity'), t('common.actions')],
        items(list).map(a => [personName(a.person || a), t('admins.' + (a.role === 'head' || a.role === 'HEAD_ADMINISTRATOR' ? 'head' : 'local')),
          (a.applications || []).join(', ') || t('admins.all'), (a.validTo || ''),
          h('button', { type: 'button', class: 'button button-warning button-small', onclick: async () => {
            await api.dismiss(key, a.id); navigate(orgPath(key) + '/administrators', { replace: true });
          } }, t('admins.remove'), h('span', { class: 'visually-hidden' }, ' ' + personName(a.person || a)))])),
      form],
  };
}

export { section };
