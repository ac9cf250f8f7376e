// Bulk changes of an organisation: extend the validity of many grants (preview first, then all or
// nothing with an Idempotency-Key), and compare two people and copy the rights one lacks.
import { t, date } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, field, button, table, showProblem, values, notice, link } from '../ui.js';
import { orgNav, orgName, orgPath, rightLabel, validity, status, personPicker, personName, peopleSearch } from './common.js';

export async function extend({ params, query, navigate }) {
  const key = params.key;
  // a page of 50 people (searched and paged as the people list is: the URL keeps q and cursor, so back
  // and forward work), then the active grants of those people alone: never the organisation's every grant
  const search = query.get('q') || '';
  const cursor = query.get('cursor') || undefined;
  const [organisation, page] = await Promise.all([api.organisation(key), api.people(key, { search, cursor, limit: 50 })]);
  const people = items(page);
  const grants = people.length ? await activeGrantsOf(key, people.map(p => p.id)) : [];
  const names = new Map(people.map(p => [p.id, personName(p)]));
  const order = new Map(people.map((p, index) => [p.id, index]));
  grants.sort((a, b) => order.get(a.personId) - order.get(b.personId) || rightLabel(a).localeCompare(rightLabel(b)));
  const find = peopleSearch(`${orgPath(key)}/extend`, search, navigate);
  const preview = h('div', { id: 'preview', 'aria-live': 'polite' });
  // one key per prepared change: pressing "extend" twice (or a retry after a lost answer) changes once
  let idempotencyKey = crypto.randomUUID();
  const form = h('form', { novalidate: true, id: 'extend' },
    h('fieldset', { class: 'fieldset form-group', 'data-field': 'changes', id: 'f-changes', tabindex: '-1' },
      h('legend', { class: 'legend' }, t('extend.choose')),
      h('p', { class: 'error-message', id: 'f-changes-error', hidden: true }),
      grants.map((g, index) => h('div', { class: 'choice' },
        h('input', { type: 'checkbox', name: 'grants', value: g.id, id: `g-${index}` }),
        h('label', { for: `g-${index}` }, `${names.get(g.personId) || g.personId} · ${rightLabel(g)} · ${validity(g)}`)))),
    field({ name: 'validTo', label: t('extend.newEnd'), type: 'date' }),
    h('div', { class: 'button-group' },
      button(t('extend.preview'), { name: 'preview', class: 'button button-secondary' }),
      button(t('extend.apply'), { name: 'apply' })));
  form.addEventListener('change', () => { idempotencyKey = crypto.randomUUID(); });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = new Set([].concat(values(form).grants || []));
    const validTo = values(form).validTo;
    const selected = grants.filter(g => chosen.has(g.id));
    const changes = selected.map(g => ({ grantId: g.id, validFrom: g.validFrom, validTo, ifMatch: g.etag }));
    const rows = selected.map(g => [names.get(g.personId) || g.personId, rightLabel(g), date(g.validTo) || t('validity.always'), date(validTo)]);
    if (!event.submitter || event.submitter.name !== 'apply') {
      // the preview is the list the API will be asked to change; the API alone judges it on "extend"
      preview.replaceChildren(h('h2', { class: 'heading-m' }, t('extend.previewTitle')),
        table(t('extend.previewTitle'), [t('person.name'), t('grant.right'), t('extend.before'), t('extend.after')], rows));
      return;
    }
    try {
      const answer = await api.bulkValidity(key, changes, idempotencyKey);
      preview.replaceChildren(notice(t('extend.done', { count: answer.changed })),
        table(t('extend.previewTitle'), [t('person.name'), t('grant.right'), t('extend.before'), t('extend.after')], rows));
      preview.firstChild.focus();
    } catch (error) {
      if (error instanceof Problem && !error.refused) showProblem(form, error); else throw error;
    }
  });
  const searched = search ? { q: search } : {};
  const pages = h('p', { class: 'body', id: 'extend-pages' },
    cursor ? link(`${orgPath(key)}/extend` + (search ? '?q=' + encodeURIComponent(search) : ''), t('common.firstPage'), { 'data-link': '' }) : null,
    cursor && page.next ? ' · ' : null,
    page.next ? link(`${orgPath(key)}/extend?` + new URLSearchParams({ ...searched, cursor: page.next }), t('people.next'),
      { 'data-link': '', rel: 'next', id: 'next-page' }) : null);
  return { title: t('extend.title', { organisation: orgName(organisation) }), content: [orgNav(key, '/extend'), find,
    h('p', { class: 'hint', id: 'extend-count' }, t('extend.page', { count: grants.length })),
    form, pages, preview] };
}

/** The active grants of these people (at most 50), every page of the API's answer. */
async function activeGrantsOf(key, personIds) {
  const all = [];
  let cursor;
  do {
    const answer = await api.grants(key, { personId: personIds, status: 'active', cursor, limit: 200 });
    all.push(...items(answer));
    cursor = answer && answer.next;
  } while (cursor);
  return all;
}

export async function compare({ params, query }) {
  const key = params.key;
  // two people chosen from the API's search (50 at a time, "more" for the next): anyone of the organisation is reachable
  const pickers = ['a', 'b'].map(name => personPicker({ key, name, label: t('compare.' + name), value: query.get(name) || '',
    valueLabel: query.get(name) || '' }));
  const [organisation] = await Promise.all([api.organisation(key), ...pickers.map(picker => picker.ready)]);
  const out = h('div', { id: 'comparison', 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, id: 'compare' },
    pickers.map(picker => picker.element),
    button(t('compare.button'), { class: 'button button-secondary' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const { a, b } = values(form);
    try {
      const answer = await api.compare(key, a, b);
      const missing = answer.missing || [];
      const copyable = missing.filter(m => m.copyable);
      const copy = h('button', { type: 'button', class: 'button', id: 'copy' }, t('compare.copy', { count: copyable.length }));
      copy.addEventListener('click', async () => {
        try {
          const copied = await api.copy(key, a, b);
          out.replaceChildren(notice(t('compare.copied', { count: (copied.copied || []).length })));
          out.firstChild.focus();
        } catch (error) { if (error instanceof Problem) showProblem(form, error); else throw error; }
      });
      out.replaceChildren(
        table(t('compare.missing'), [t('grant.right'), t('grant.application'), t('grant.validity'), t('compare.copyable')],
          missing.map(m => [rightLabel(m.source), m.source.clientId, validity(m.source), m.copyable ? t('compare.yes') : m.reason || t('compare.no')]),
          { empty: t('compare.nothingMissing') }),
        copyable.length ? copy : null);
    } catch (error) {
      if (error instanceof Problem) showProblem(form, error); else throw error;
    }
  });
  return { title: t('compare.title'), content: [orgNav(key, '/compare'), h('p', { class: 'body' }, orgName(organisation)), form, out] };
}

export { status };
