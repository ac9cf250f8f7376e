// My page: the organisations I may see or administer, my rights and requests, and who the
// administrators of my organisations are (to ask them for a right). All from GET /me and
// GET /organisations.
import { t } from '../i18n.js';
import { api, items } from '../api.js';
import { claims } from '../oidc.js';
import { h, table, link } from '../ui.js';
import { section, orgPath, orgName, rightLabel, validity, status, personName } from './common.js';

export async function render({ me }) {
  const who = claims();
  const mine = me || {};
  const names = new Map((mine.organisations || []).map(org => [org.key, orgName(org)]));
  const organisation = key => names.get(key) || key;
  const administrators = Object.entries(mine.administrators || {})
    .flatMap(([key, people]) => people.map(person => ({ ...person, organisationKey: key })));
  return {
    title: t('home.title', { name: (mine.person && mine.person.givenName) || (who && (who.given_name || who.preferred_username)) || '' }),
    content: [
      section(t('home.organisations'), api.organisations, answer => {
        const organisations = items(answer);
        return organisations.length
          ? h('ul', { class: 'list', id: 'my-organisations' }, organisations.map(org => h('li', {},
            link(orgPath(org.key), orgName(org), { 'data-link': '' }),
            org.targetGroup ? h('span', { class: 'hint' }, ` · ${t('targetGroup.' + org.targetGroup)}`) : null)))
          : h('p', { class: 'body' }, t('home.noOrganisations'));
      }, { id: 'organisations' }),
      h('section', { class: 'section', id: 'rights' }, h('h2', { class: 'heading-m' }, t('home.rights')),
        table(t('home.rights'), [t('grant.right'), t('grant.application'), t('grant.organisation'), t('grant.validity'), t('grant.status')],
          (mine.rights || []).map(g => [rightLabel(g), g.clientId, organisation(g.organisationKey), validity(g), status(g.countsNow === false && g.status === 'active' ? 'ended' : g.status)]),
          { empty: t('home.noRights') })),
      h('section', { class: 'section', id: 'requests' }, h('h2', { class: 'heading-m' }, t('home.requests')),
        table(t('home.requests'), [t('grant.right'), t('grant.organisation'), t('grant.status'), t('request.decisionReason')],
          (mine.requests || []).map(r => [rightLabel(r), organisation(r.organisationKey), status(r.status), r.decisionReason || '']),
          { empty: t('home.noRequests') })),
      h('section', { class: 'section', id: 'administrators' }, h('h2', { class: 'heading-m' }, t('home.administrators')),
        table(t('home.administrators'), [t('person.name'), t('grant.organisation'), t('person.email')],
          administrators.map(a => [personName(a), organisation(a.organisationKey), a.email ? link('mailto:' + a.email, a.email) : '']),
          { empty: t('home.noAdministrators') })),
    ],
  };
}
