// A person asks for a right for themselves (POST /me/requests): for which organisation (one they
// work for or represent), which application and right, until when and why. The request waits in
// the inbox of whoever may decide it; the API judges every field and the portal shows its
// problems next to them. The person withdraws an undecided request from their own page.
import { t } from '../i18n.js';
import { api, Problem } from '../api.js';
import { h, field, button, showProblem, values } from '../ui.js';
import { base, orgName, backLink } from './common.js';

export async function render({ navigate }) {
  const me = await api.me();
  const names = new Map((me.organisations || []).map(org => [org.key, orgName(org)]));
  // the organisations the API lets a person ask for: those they work for now, or represent
  const keys = [...new Set([
    ...(me.workRelations || []).filter(w => w.validNow !== false).map(w => w.organisationKey),
    ...((me.person && me.person.legalRepresentativeOf) || []),
  ])];
  // Until the API says which rights a person may ask for, the applications the person already
  // knows (from their rights and requests) are offered as suggestions; any client id may be typed.
  const known = [...new Set([...(me.rights || []), ...(me.requests || [])].map(g => g.clientId).filter(Boolean))].sort();
  const applicationField = field({ name: 'clientId', label: t('ask.application'), hint: t('ask.applicationHint'), autocomplete: 'off' });
  const applicationInput = applicationField.querySelector('input');
  applicationInput.setAttribute('list', 'known-applications');
  const form = h('form', { novalidate: true, id: 'ask' },
    field({ name: 'organisationKey', label: t('ask.organisation'), hint: t('ask.organisationHint'),
      value: keys.length === 1 ? keys[0] : '',
      options: [{ value: '', label: t('common.choose') }, ...keys.map(key => ({ value: key, label: names.get(key) || key }))] }),
    applicationField,
    h('datalist', { id: 'known-applications' }, known.map(clientId => h('option', { value: clientId }))),
    field({ name: 'right', label: t('ask.right'), hint: t('ask.rightHint'), autocomplete: 'off' }),
    field({ name: 'context', label: t('grant.context'), hint: t('ask.contextHint'), autocomplete: 'off' }),
    field({ name: 'validTo', label: t('grant.validTo'), hint: t('grant.validToHint'), type: 'date' }),
    field({ name: 'reason', label: t('ask.reason'), hint: t('ask.reasonHint'), type: 'textarea', rows: 3 }),
    button(t('ask.button')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await api.requestRight(values(form));
      await navigate(base + '?requested=1');
    } catch (error) {
      if (error instanceof Problem) showProblem(form, error); else throw error;
    }
  });
  return {
    title: t('ask.title'),
    content: [backLink(base, t('ask.back')), h('p', { class: 'body' }, t('ask.text')),
      keys.length ? form : h('p', { class: 'body', id: 'ask-none' }, t('ask.noOrganisation'))],
  };
}
