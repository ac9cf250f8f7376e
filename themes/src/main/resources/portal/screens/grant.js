// Grant a right: application → right → context → validity → reason. The right's limits (maximum
// validity, approval, context values) are shown as the API describes them before submitting; the
// API alone decides, and its problems appear next to the fields they name.
import { t } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, field, button, showProblem, values, summaryList, clearProblem } from '../ui.js';
import { orgNav, personName, personPath } from './common.js';

export async function render({ params, navigate }) {
  const { key, id } = params;
  const person = await api.person(key, id);
  // the rights the API says the caller may grant for this organisation, grouped by application
  const grantable = items(await api.grantableRights(key));
  const applications = [...new Set(grantable.map(r => r.clientId || r.application))].map(clientId => ({ clientId }));
  const limits = h('div', { class: 'inset', id: 'right-limits', 'aria-live': 'polite' });
  const rightSlot = h('div');
  const contextSlot = h('div');
  let rights = [];
  const appField = field({ name: 'clientId', label: t('grant.application'), options: [{ value: '', label: t('common.choose') },
    ...applications.map(a => ({ value: a.clientId || a.id, label: a.name ? `${a.name} (${a.clientId || a.id})` : (a.clientId || a.id) }))] });
  const form = h('form', { novalidate: true, id: 'grant' },
    appField, rightSlot, contextSlot, limits,
    field({ name: 'validFrom', label: t('grant.validFrom'), hint: t('grant.validFromHint'), type: 'date' }),
    field({ name: 'validTo', label: t('grant.validTo'), hint: t('grant.validToHint'), type: 'date' }),
    field({ name: 'reason', label: t('grant.reason'), hint: t('grant.reasonHint'), type: 'textarea', rows: 3 }),
    button(t('grant.button')));
  const appSelect = appField.querySelector('select');
  appSelect.addEventListener('change', async () => {
    clearProblem(form);
    rightSlot.replaceChildren(); contextSlot.replaceChildren(); limits.replaceChildren();
    if (!appSelect.value) return;
    rights = grantable.filter(r => (r.clientId || r.application) === appSelect.value);
    const rightField = field({ name: 'right', label: t('grant.right'), options: [{ value: '', label: t('common.choose') },
      ...rights.map(r => ({ value: r.name, label: r.description ? `${r.name} – ${r.description}` : r.name }))] });
    rightSlot.replaceChildren(rightField);
    rightField.querySelector('select').addEventListener('change', event => showRight(rights.find(r => r.name === event.target.value)));
  });
  function showRight(right) {
    contextSlot.replaceChildren(); limits.replaceChildren();
    if (!right) return;
    const contexts = right.contextValues || right.contexts || [];
    if (contexts.length) {
      contextSlot.replaceChildren(field({ name: 'context', label: t('grant.context'),
        options: [{ value: '', label: t('common.choose') }, ...contexts.map(c => ({ value: c.value || c, label: c.label || c.value || c }))] }));
    }
    const max = maximumDays(right);
    limits.replaceChildren(h('h2', { class: 'heading-s' }, t('grant.limits')), summaryList([
      [t('grant.maxValidity'), max ? t('grant.days', { days: max }) : t('grant.noMax')],
      [t('grant.approval'), right.needsApproval || right.approvalRequired ? t('grant.needsApproval') : t('grant.noApproval')],
      contexts.length ? [t('grant.context'), contexts.map(c => c.value || c).join(', ')] : null,
      right.grantableBy || right.targetGroups ? [t('grant.openTo'), [].concat(right.targetGroups || right.grantableBy).join(', ')] : null,
      right.needsApproval && right.approvalBy ? [t('grant.approvalBy'), t('grant.approvalBy.' + String(right.approvalBy).toLowerCase())] : null,
    ]));
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { personId: id, ...values(form) };
    try {
      const answer = await api.grant(key, body);
      const requested = answer && String(answer.status || '').toLowerCase() === 'requested';
      await navigate(personPath(key, id) + '?granted=' + (requested ? 'requested' : 'active'));
    } catch (error) {
      if (error instanceof Problem && !error.refused) showProblem(form, error); else throw error;
    }
  });
  return { title: t('grant.title', { person: personName(person) }), content: [orgNav(key, null), form] };
}

/** The right's longest validity in days: maximumDays, or an ISO-8601 duration such as P365D. */
export function maximumDays(right) {
  if (right.maximumDays || right.maxValidityDays) return right.maximumDays || right.maxValidityDays;
  const duration = /^P(?:(\d+)D)?(?:T(\d+)H)?/.exec(String(right.maximumDuration || ''));
  if (!duration || (!duration[1] && !duration[2])) return null;
  return Number(duration[1] || 0) + Math.floor(Number(duration[2] || 0) / 24);
}
