// My page: my organisations (those I may see or administer), my rights and requests, and who
// my local administrators are (to ask them for a right).
import { t } from '../i18n.js';
import { api, items } from '../api.js';
import { claims } from '../oidc.js';
import { h, table, link } from '../ui.js';
import { section, orgPath, orgName, rightLabel, validity, status, personName } from './common.js';

export async function render() {
  const who = claims();
  return {
    title: t('home.title', { name: who ? (who.given_name || who.name || who.preferred_username) : '' }),
    content: [
      section(t('home.organisations'), api.organisations, answer => {
        const organisations = items(answer);
        return organisations.length
          ? h('ul', { class: 'list', id: 'my-organisations' }, organisations.map(org => h('li', {},
            link(orgPath(org.key), orgName(org), { 'data-link': '' }),
            org.targetGroup ? h('span', { class: 'hint' }, ` · ${org.targetGroup}`) : null)))
          : h('p', { class: 'body' }, t('home.noOrganisations'));
      }, { id: 'organisations' }),
      section(t('home.rights'), api.myGrants, answer => table(t('home.rights'),
        [t('grant.right'), t('grant.application'), t('grant.organisation'), t('grant.validity'), t('grant.status')],
        items(answer).map(g => [rightLabel(g), g.application || g.clientId || '', g.organisation || g.organisationKey || '', validity(g), status(g.status)]),
        { empty: t('home.noRights') }), { id: 'rights' }),
      section(t('home.requests'), api.myRequests, answer => table(t('home.requests'),
        [t('grant.right'), t('grant.organisation'), t('grant.status'), t('request.decisionReason')],
        items(answer).map(r => [rightLabel(r), r.organisation || r.organisationKey || '', status(r.status), r.decisionReason || '']),
        { empty: t('home.noRequests') }), { id: 'requests' }),
      section(t('home.administrators'), api.myAdministrators, answer => table(t('home.administrators'),
        [t('person.name'), t('grant.organisation'), t('person.email')],
        items(answer).map(a => [personName(a), a.organisation || a.organisationKey || '', a.email ? link('mailto:' + a.email, a.email) : '']),
        { empty: t('home.noAdministrators') }), { id: 'administrators' }),
    ],
  };
}
