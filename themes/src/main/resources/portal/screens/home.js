// My page: the organisations I may see or administer, my rights and requests, and who the
// administrators of my organisations are (to ask them for a right). All from GET /me and
// GET /organisations; a link to ask for a right, and a button to withdraw an undecided request.
import { t } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { claims } from '../oidc.js';
import { h, table, link, notice } from '../ui.js';
import { base, section, orgPath, orgName, rightLabel, validity, status, personName, session } from './common.js';

export async function render({ me, query, navigate }) {
  const who = claims();
  // read again: what the person asked for or withdrew a moment ago shows at once
  const mine = (await api.me().catch(() => me)) || {};
  const names = new Map((mine.organisations || []).map(org => [org.key, orgName(org)]));
  const organisation = key => names.get(key) || key;
  const administrators = Object.entries(mine.administrators || {})
    .flatMap(([key, people]) => people.map(person => ({ ...person, organisationKey: key })));
  return {
    title: t('home.title', { name: (mine.person && mine.person.givenName) || (who && (who.given_name || who.preferred_username)) || '' }),
    content: [
      query && query.get('requested') ? notice(t('ask.done')) : null,
      query && query.get('withdrawn') ? notice(t('ask.withdrawn')) : null,
      query && query.get('joinRequested') ? notice(t('join.done')) : null,
      query && query.get('joinWithdrawn') ? notice(t('join.withdrawn')) : null,
      // 50 organisations at a time (a central administrator sees them all), "more" for the next page
      section(t('home.organisations'), () => api.organisations(), answer => {
        const organisations = items(answer);
        if (!organisations.length) return h('p', { class: 'body' }, t('home.noOrganisations'));
        const draw = list => list.map(org => h('li', {}, link(orgPath(org.key), orgName(org), { 'data-link': '' }),
          org.targetGroup ? h('span', { class: 'hint' }, ` · ${t('targetGroup.' + org.targetGroup)}`) : null));
        const list = h('ul', { class: 'list', id: 'my-organisations' }, draw(organisations));
        let next = answer.next;
        const more = h('button', { type: 'button', class: 'button button-secondary', id: 'organisations-more', hidden: !next }, t('picker.more'));
        more.addEventListener('click', async () => {
          const page = await api.organisations({ cursor: next });
          list.append(...draw(items(page)));
          next = page.next;
          more.hidden = !next;
        });
        return [list, more];
      }, { id: 'organisations' }),
      h('section', { class: 'section', id: 'rights' }, h('h2', { class: 'heading-m' }, t('home.rights')),
        table(t('home.rights'), [t('grant.right'), t('grant.application'), t('grant.organisation'), t('grant.validity'), t('grant.status')],
          (mine.rights || []).map(g => [rightLabel(g), g.clientId, organisation(g.organisationKey), validity(g), status(g.countsNow === false && g.status === 'active' ? 'ended' : g.status)]),
          { empty: t('home.noRights') })),
      h('section', { class: 'section', id: 'requests' }, h('h2', { class: 'heading-m' }, t('home.requests')),
        table(t('home.requests'), [t('grant.right'), t('grant.application'), t('grant.organisation'), t('grant.status'), t('request.decisionReason'), t('ask.actions')],
          (mine.requests || []).map(r => [rightLabel(r), r.clientId, organisation(r.organisationKey), status(r.status), r.decisionReason || '',
            r.status === 'requested' ? withdrawButton(r, navigate) : '']),
          { empty: t('home.noRequests') })),
      h('section', { class: 'section', id: 'administrators' }, h('h2', { class: 'heading-m' }, t('home.administrators')),
        table(t('home.administrators'), [t('person.name'), t('grant.organisation'), t('person.email')],
          administrators.map(a => [personName(a), organisation(a.organisationKey), a.email ? link('mailto:' + a.email, a.email) : '']),
          { empty: t('home.noAdministrators') }),
        h('p', { class: 'body' }, t('home.askAdministrators')),
        h('p', {}, link(base + 'ask', t('ask.start'), { 'data-link': '', class: 'button', id: 'ask-link' }))),
      // asking to work for an organisation (POST /me/work-relation-requests): its administrators decide
      h('section', { class: 'section', id: 'work-relation-requests' }, h('h2', { class: 'heading-m' }, t('join.mine')),
        table(t('join.mine'), [t('grant.organisation'), t('workRelation.type'), t('grant.validity'), t('grant.status'), t('request.decisionReason'), t('ask.actions')],
          (mine.workRelationRequests || []).map(r => [r.organisationName ? `${r.organisationName} (${r.organisationKey})` : r.organisationKey,
            t('workRelation.' + r.type), validity(r), status(r.status), r.decisionReason || '',
            r.status === 'requested' ? withdrawJoinButton(r, navigate) : '']),
          { empty: t('join.none') }),
        mayAskToJoin() ? h('p', {}, link(base + 'join', t('join.start'), { 'data-link': '', class: 'button button-secondary', id: 'join-link' })) : null),
    ],
  };
}

/** Withdraws one's own undecided request (its ETag sent as If-Match); the page then reads /me again. */
function withdrawButton(request, navigate) {
  const button = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-withdraw': request.id,
    'aria-label': t('ask.withdrawLabel', { right: rightLabel(request) }) }, t('ask.withdraw'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.withdraw(request);
      await navigate(base + '?withdrawn=1');
    } catch (error) {
      button.disabled = false;
      button.after(h('p', { class: 'error-text', role: 'alert' }, error instanceof Problem ? (error.detail || error.title) : String(error)));
    }
  });
  return button;
}

/** Whether the API lets the caller ask to work for an organisation (true when its answer is not known). */
function mayAskToJoin() {
  return !session.permissions || (session.permissions.actions || []).includes('requestWorkRelation');
}

/** Withdraws one's own undecided work-relation request (If-Match its ETag); the page then reads /me again. */
function withdrawJoinButton(request, navigate) {
  const button = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-withdraw-join': request.id,
    'aria-label': t('join.withdrawLabel', { organisation: request.organisationName || request.organisationKey }) }, t('ask.withdraw'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.withdrawWorkRelation(request);
      await navigate(base + '?joinWithdrawn=1');
    } catch (error) {
      button.disabled = false;
      button.after(h('p', { class: 'error-text', role: 'alert' }, error instanceof Problem ? (error.detail || error.title) : String(error)));
    }
  });
  return button;
}
