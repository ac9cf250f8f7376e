// One person of an organisation (work relations, rights with context and validity, history), and
// adding a person by national register number.
import { t, date } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, field, button, table, link, showProblem, values, summaryList, choices, notice } from '../ui.js';
import { orgNav, orgName, personPath, personName, rightLabel, validity, status, section, orgPath } from './common.js';

export const WORK_RELATION_TYPES = ['civilServant', 'permanent', 'external', 'occasional'];

export async function render({ params, query }) {
  const { key, id } = params;
  const person = await api.person(key, id);
  const grants = person.grants ? person : await api.personGrants(key, id).catch(() => ({ items: [] }));
  return {
    title: personName(person),
    content: [
      orgNav(key, null),
      query.get('granted') ? notice(t(query.get('granted') === 'requested' ? 'grant.requested' : 'grant.done')) : null,
      summaryList([[t('person.nrn'), person.nationalRegisterNumber || person.rrn], [t('person.email'), person.email]]),
      h('section', { class: 'section', id: 'work-relations' }, h('h2', { class: 'heading-m' }, t('person.workRelations')),
        table(t('person.workRelations'), [t('grant.organisation'), t('workRelation.type'), t('grant.validity')],
          (person.workRelations || []).map(w => [w.organisationName || w.organisation || w.organisationKey, t('workRelation.' + w.type), validity(w)]))),
      h('section', { class: 'section', id: 'rights' }, h('h2', { class: 'heading-m' }, t('person.rights')),
        table(t('person.rights'), [t('grant.right'), t('grant.application'), t('grant.organisation'), t('grant.validity'), t('grant.status')],
          items(grants.grants || grants).map(g => [rightLabel(g), g.application || g.clientId || '', g.organisation || g.organisationKey || '', validity(g), status(g.status)])),
        h('p', {}, link(personPath(key, id) + '/grant', t('grant.start'), { 'data-link': '', class: 'button', role: 'button', id: 'grant-link' }))),
      section(t('person.history'), () => api.personHistory(key, id), answer => table(t('person.history'),
        [t('audit.when'), t('audit.who'), t('audit.action'), t('audit.what')],
        items(answer).map(a => [date(a.when || a.at || a.time), a.actorName || a.who || a.actor || '', a.action || '', a.summary || a.target || ''])),
      { id: 'history' }),
    ],
  };
}

export async function add({ params, navigate }) {
  const key = params.key;
  const organisation = await api.organisation(key);
  const form = h('form', { novalidate: true, id: 'add-person' },
    field({ name: 'nationalRegisterNumber', label: t('person.nrn'), hint: t('person.nrnHint'), inputmode: 'numeric', autocomplete: 'off' }),
    field({ name: 'givenName', label: t('person.givenName'), autocomplete: 'off' }),
    field({ name: 'familyName', label: t('person.familyName'), autocomplete: 'off' }),
    field({ name: 'email', label: t('person.email'), type: 'email', autocomplete: 'off' }),
    choices({ name: 'type', legend: t('workRelation.type'), value: 'permanent',
      options: WORK_RELATION_TYPES.map(type => ({ value: type, label: t('workRelation.' + type) })) }),
    field({ name: 'validFrom', label: t('grant.validFrom'), type: 'date' }),
    field({ name: 'validTo', label: t('grant.validTo'), hint: t('grant.validToHint'), type: 'date' }),
    button(t('person.addButton')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = values(form);
    try {
      const created = await api.addPerson(key, body);
      const id = created.id || (created.person && created.person.id);
      await navigate(personPath(key, id));
    } catch (error) {
      if (error instanceof Problem && !error.refused) showProblem(form, error); else throw error;
    }
  });
  return { title: t('person.addTitle', { organisation: orgName(organisation) }), content: [orgNav(key, '/people/new'), form] };
}

export { orgPath };
