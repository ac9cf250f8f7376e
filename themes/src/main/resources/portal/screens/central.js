// For central administrators: register an organisation, and set its legal representative.
import { t } from '../i18n.js';
import { api, Problem } from '../api.js';
import { h, field, button, showProblem, values, notice } from '../ui.js';

const TARGET_GROUPS = ['GID', 'LB', 'OV', 'EA', 'VER'];

export async function render() {
  const result = h('div', { 'aria-live': 'polite', id: 'central-result' });
  const organisation = h('form', { novalidate: true, id: 'register-organisation' },
    h('h2', { class: 'heading-m' }, t('central.organisation')),
    field({ name: 'key', label: t('central.key'), hint: t('central.keyHint') }),
    field({ name: 'name', label: t('central.name') }),
    field({ name: 'targetGroup', label: t('central.targetGroup'), options: [{ value: '', label: t('common.choose') },
      ...TARGET_GROUPS.map(code => ({ value: code, label: `${code} – ${t('targetGroup.' + code)}` }))] }),
    field({ name: 'parentKey', label: t('central.parent'), hint: t('central.parentHint') }),
    button(t('central.register')));
  const representative = h('form', { novalidate: true, id: 'legal-representative' },
    h('h2', { class: 'heading-m' }, t('central.representative')),
    field({ name: 'organisation', label: t('central.key') }),
    field({ name: 'personId', label: t('central.personId'), hint: t('central.personIdHint') }),
    button(t('central.setRepresentative')));
  organisation.addEventListener('submit', submit(organisation, body => api.registerOrganisation(body), result, 'central.registered'));
  representative.addEventListener('submit', submit(representative, body => api.setLegalRepresentative(body.organisation, { personId: body.personId }), result, 'central.representativeSet'));
  return { title: t('central.title'), content: [result, organisation, representative] };
}

function submit(form, call, result, done) {
  return async event => {
    event.preventDefault();
    try {
      await call(values(form));
      form.reset();
      result.replaceChildren(notice(t(done)));
      result.firstChild.focus();
    } catch (error) {
      if (error instanceof Problem && !error.refused) showProblem(form, error); else throw error;
    }
  };
}
