// The requests inbox of whoever may decide: approve or reject with a reason. What the API refuses
// (another organisation, one's own request, an already decided request) is shown with its reason.
import { t } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, field, showProblem, notice } from '../ui.js';
import { rightLabel, status, validity } from './common.js';

export async function render({ navigate, query }) {
  const inbox = items(await api.requests());
  const done = query.get('decided');
  return {
    title: t('requests.title'),
    content: [
      done ? notice(t('requests.decided.' + done)) : null,
      inbox.length ? h('ul', { class: 'card-list', id: 'inbox' }, inbox.map(request => card(request, navigate)))
        : h('p', { class: 'body' }, t('requests.none')),
    ],
  };
}

/** One request by its URL (from a notification or a link): the same card, alone. */
export async function one({ params, navigate }) {
  // the API shows a request only to whoever may decide it: not in my inbox means not mine to decide
  const request = items(await api.requests()).find(r => r.id === params.id);
  if (!request) throw new Problem(404, {});
  return { title: t('request.title'), content: [h('ul', { class: 'card-list', id: 'inbox' }, card(request, navigate))] };
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
