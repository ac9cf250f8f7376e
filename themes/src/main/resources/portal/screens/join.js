// A person asks to work for an organisation (POST /me/work-relation-requests): which organisation
// (its key, as the person knows it from their employer), what kind of work relation, from and until
// when, and why. The organisation's head and local administrators decide in their inbox; the API
// judges every field and the portal shows its problems next to them. The person withdraws an
// undecided request from their own page.
import { t } from '../i18n.js';
import { api, Problem } from '../api.js';
import { h, field, button, showProblem, values, choices } from '../ui.js';
import { base, backLink } from './common.js';
import { WORK_RELATION_TYPES } from './person.js';

export async function render({ navigate }) {
  const form = h('form', { novalidate: true, id: 'join' },
    field({ name: 'organisationKey', label: t('join.organisation'), hint: t('join.organisationHint'), autocomplete: 'off' }),
    choices({ name: 'type', legend: t('workRelation.type'), value: 'permanent',
      options: WORK_RELATION_TYPES.map(type => ({ value: type, label: t('workRelation.' + type) })) }),
    field({ name: 'validFrom', label: t('grant.validFrom'), hint: t('join.validFromHint'), type: 'date' }),
    field({ name: 'validTo', label: t('grant.validTo'), hint: t('grant.validToHint'), type: 'date' }),
    field({ name: 'reason', label: t('ask.reason'), hint: t('join.reasonHint'), type: 'textarea', rows: 3 }),
    button(t('join.button')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await api.requestWorkRelation(values(form));
      await navigate(base + '?joinRequested=1');
    } catch (error) {
      if (error instanceof Problem) showProblem(form, error); else throw error;
    }
  });
  return { title: t('join.title'), content: [backLink(base, t('ask.back')), h('p', { class: 'body' }, t('join.text')), form] };
}
