// The requests inbox of whoever may decide: approve or reject with a reason. What the API refuses
// (another organisation, one's own request, an already decided request) is shown with its reason.
import { t } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, field, showProblem, notice, link } from '../ui.js';
import { base, orgName, rightLabel, status, validity, session } from './common.js';

export async function render({ navigate, query }) {
  // requests for rights, 50 at a time by the API's cursor (kept in the URL)
  const cursor = query.get('cursor') || undefined;
  // the organisations whose work-relation requests the API lets the caller decide
  const deciding = ((session.permissions && session.permissions.organisations) || [])
    .filter(o => (o.actions || []).includes('decideWorkRelationRequests'));
  const [page, ...asked] = await Promise.all([api.requests({ cursor }),
    ...deciding.map(o => api.workRelationRequests(o.key, { limit: 50 }).catch(() => null))]);
  const inbox = items(page);
  const done = query.get('decided');
  const joining = deciding.map((o, index) => ({ organisation: o, page: asked[index] })).filter(x => x.page && items(x.page).length);
  return {
    title: t('requests.title'),
    content: [
      done ? notice(t('requests.decided.' + done)) : null,
      inbox.length ? h('ul', { class: 'card-list', id: 'inbox' }, inbox.map(request => card(request, navigate)))
        : h('p', { class: 'body' }, t('requests.none')),
      page && page.next ? h('p', {}, link(`${base}requests?cursor=${encodeURIComponent(page.next)}`, t('people.next'), { 'data-link': '', rel: 'next' })) : null,
      cursor ? h('p', {}, link(`${base}requests`, t('common.firstPage'), { 'data-link': '' })) : null,
      deciding.length ? h('section', { class: 'section', id: 'work-relation-requests' },
        h('h2', { class: 'heading-m' }, t('joinInbox.title')),
        joining.length ? joining.map(({ organisation, page: answer }) => h('div', { class: 'join-organisation' },
          h('h3', { class: 'heading-s' }, orgName(organisation)),
          h('ul', { class: 'card-list', id: `join-inbox-${organisation.key}` }, items(answer).map(request => joinCard(organisation.key, request, navigate))),
          answer.next ? h('p', { class: 'hint' }, t('joinInbox.more')) : null))
          : h('p', { class: 'body', id: 'join-inbox-empty' }, t('joinInbox.none'))) : null,
    ],
  };
}

/** One request by its URL (from a notification or a link): the same card, alone. */
export async function one({ params, navigate }) {
  // GET /requests/{id}: the API shows a request only to its person, whoever may decide it and the owner
  const request = await api.request(params.id);
  if (!request || (request.status && request.status !== 'requested')) throw new Problem(404, {});
  return { title: t('request.title'), content: [h('ul', { class: 'card-list', id: 'inbox' }, card(request, navigate))] };
}

/** A person asking to work for the organisation: approve (the API creates the work relation) or reject, with a reason. */
function joinCard(key, request, navigate) {
  const id = request.id;
  const form = h('form', { novalidate: true, class: 'request-form', 'data-join-request': id },
    field({ name: 'reason', label: t('request.reason'), hint: t('request.reasonHint'), type: 'textarea', rows: 2 }));
  form.querySelector('textarea').id = `join-reason-${id}`;
  form.querySelector('label').setAttribute('for', `join-reason-${id}`);
  form.querySelector('.hint').id = `join-reason-${id}-hint`;
  form.querySelector('.error-message').id = `join-reason-${id}-error`;
  form.querySelector('textarea').setAttribute('aria-describedby', `join-reason-${id}-hint join-reason-${id}-error`);
  const decide = decision => async event => {
    event.preventDefault();
    try {
      await api.decideWorkRelation(key, request, decision, new FormData(form).get('reason') || '');
      await navigate('requests?decided=' + decision, { replace: true });
    } catch (error) {
      if (error instanceof Problem) showProblem(form, error).setAttribute('data-status', String(error.status)); else throw error;
    }
  };
  form.append(h('div', { class: 'button-group' },
    h('button', { type: 'submit', class: 'button', name: 'approve', onclick: decide('approve') }, t('request.approve')),
    h('button', { type: 'submit', class: 'button button-warning', name: 'reject', onclick: decide('reject') }, t('request.reject'))));
  return h('li', { class: 'card', id: `join-request-${id}` },
    h('h4', { class: 'heading-s' }, request.personName || request.personId),
    h('p', { class: 'body' }, t('join.asks', { type: t('workRelation.' + request.type), organisation: request.organisationName || key })),
    h('p', { class: 'hint' }, validity(request), ' ', status(request.status || 'requested')),
    request.reason ? h('p', { class: 'body' }, t('request.motivation'), ': ', request.reason) : null,
    form);
}

function card(request, navigate) {
  const id = request.id;
  const form = h('form', { novalidate: true, class: 'request-form', 'data-request': id },
    field({ name: 'reason', label: t('request.reason'), hint: t('request.reasonHint'), type: 'textarea', rows: 2 }));
  form.querySelector('textarea').id = `reason-${id}`;
  form.querySelector('label').setAttribute('for', `reason-${id}`);
  const decide = decision => async event => {
    event.preventDefault();
    try {
      await api.decide(request, decision, new FormData(form).get('reason') || '');
      await navigate('requests?decided=' + decision, { replace: true });
    } catch (error) {
      if (error instanceof Problem) {
        const summary = showProblem(form, error);
        summary.setAttribute('data-status', String(error.status));
      } else throw error;
    }
  };
  form.append(h('div', { class: 'button-group' },
    h('button', { type: 'submit', class: 'button', name: 'approve', onclick: decide('approve') }, t('request.approve')),
    h('button', { type: 'submit', class: 'button button-warning', name: 'reject', onclick: decide('reject') }, t('request.reject'))));
  return h('li', { class: 'card', id: `request-${id}` },
    h('h2', { class: 'heading-s' }, rightLabel(request)),
    h('p', { class: 'body' }, t('request.for', { organisation: request.organisationKey, application: request.clientId })),
    h('p', { class: 'hint' }, t('request.person', { person: request.personName || request.personId }), ' · ', validity(request), ' ', status(request.status || 'requested')),
    request.reason ? h('p', { class: 'body' }, t('request.motivation'), ': ', request.reason) : null,
    form);
}
