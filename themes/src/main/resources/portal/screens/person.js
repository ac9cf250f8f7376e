// One person of an organisation (work relations, rights with context and validity, history), and
// adding a person by national register number.
import { t } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, field, button, table, link, showProblem, values, summaryList, choices, notice } from '../ui.js';
import { orgNav, orgName, orgPath, personPath, personName, rightLabel, validity, status, section, auditCells } from './common.js';

export const WORK_RELATION_TYPES = ['civilServant', 'permanent', 'external', 'occasional'];

export async function render({ params, query }) {
  const { key, id } = params;
  // three calls side by side, each searched by this person in the directory (not the whole organisation)
  const [person, relations, grants] = await Promise.all([api.person(key, id), api.workRelations(key, id),
    api.grants(key, { personId: id, limit: 200 })]);
  return {
    title: personName(person),
    content: [
      orgNav(key, null),
      query.get('granted') ? notice(t(query.get('granted') === 'requested' ? 'grant.requested' : 'grant.done')) : null,
      summaryList([[t('person.nrn'), person.nationalRegisterNumber], [t('person.email'), person.email], [t('person.username'), person.username]]),
      h('section', { class: 'section', id: 'work-relations' }, h('h2', { class: 'heading-m' }, t('person.workRelations')),
        table(t('person.workRelations'), [t('workRelation.type'), t('grant.organisation'), t('grant.validity'), t('grant.status')],
          items(relations).map(w => [t('workRelation.' + w.type), w.organisationKey, validity(w), status(w.validNow === false ? 'ended' : 'active')]))),
      h('section', { class: 'section', id: 'rights' }, h('h2', { class: 'heading-m' }, t('person.rights')),
        table(t('person.rights'), [t('grant.right'), t('grant.application'), t('grant.validity'), t('grant.status'), t('grant.reason')],
          items(grants).map(g => [rightLabel(g), g.clientId, validity(g), status(g.status === 'active' && g.countsNow === false ? 'ended' : g.status),
            g.workRelationEnded ? t('grant.workRelationEnded') : (g.reason || '')])),
        h('p', {}, link(personPath(key, id) + '/grant', t('grant.start'), { 'data-link': '', class: 'button', id: 'grant-link' }))),
      // the organisation's audit trail, the entries about this person or their grants
      // the organisation's audit trail, the entries about this person or their grants among its latest 200;
      // older ones are in the organisation's audit trail, which pages through all of them
      section(t('person.history'), () => api.audit(key, undefined, 200), answer => {
        const grantIds = new Set(items(grants).map(g => 'grant/' + g.id));
        return [table(t('person.history'), [t('audit.when'), t('audit.who'), t('audit.action'), t('audit.what')],
          items(answer).filter(a => a.target === 'person/' + id || grantIds.has(a.target) || (a.after && a.after.personId === id))
            .map(a => auditCells(a, { role: false }))),
        answer && answer.next ? h('p', { class: 'hint' }, t('person.olderHistory'), ' ', link(orgPath(key) + '/audit', t('org.audit'), { 'data-link': '' })) : null];
      }, { id: 'history' }),
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
    choices({ name: 'workRelationType', legend: t('workRelation.type'), value: 'permanent',
      options: WORK_RELATION_TYPES.map(type => ({ value: type, label: t('workRelation.' + type) })) }),
    field({ name: 'validFrom', label: t('grant.validFrom'), type: 'date' }),
    field({ name: 'validTo', label: t('grant.validTo'), hint: t('grant.validToHint'), type: 'date' }),
    button(t('person.addButton')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = values(form);
    try {
      const created = await api.addPerson(key, body);
      const id = created.person.id;
      await navigate(personPath(key, id));
    } catch (error) {
      if (error instanceof Problem && !error.refused) showProblem(form, error); else throw error;
    }
  });
  return { title: t('person.addTitle', { organisation: orgName(organisation) }), content: [orgNav(key, '/people/new'), form] };
}
