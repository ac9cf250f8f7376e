// Reports of an organisation (people × rights, CSV download), the bulk upload of the same CSV
// (a preview of every change and refusal first, then all or nothing), and the audit trail.
import { t, date } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, field, button, table, showProblem, notice, link } from '../ui.js';
import { orgNav, orgName, orgPath } from './common.js';
import { change } from './person.js';

export async function render({ params }) {
  const key = params.key;
  const organisation = await api.organisation(key);
  const download = h('button', { type: 'button', class: 'button', id: 'download' }, t('reports.download'));
  download.addEventListener('click', async () => {
    const response = await api.reportCsv(key);
    const url = URL.createObjectURL(await response.blob());
    const anchor = h('a', { href: url, download: `toegang-${key}.csv`, hidden: true });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
  const preview = h('div', { id: 'upload-preview', 'aria-live': 'polite' });
  let csv = null;
  const form = h('form', { novalidate: true, id: 'upload' },
    h('h2', { class: 'heading-m' }, t('upload.title')),
    h('p', { class: 'body' }, t('upload.text')),
    field({ name: 'file', label: t('upload.file'), type: 'file' }),
    button(t('upload.preview'), { class: 'button button-secondary', name: 'preview' }));
  form.querySelector('input[type=file]').setAttribute('accept', '.csv,text/csv');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    try {
      if (!file) throw new Problem(400, { errors: [{ field: 'file', detail: t('upload.noFile') }] });
      csv = await file.text();
      const answer = await api.uploadPreview(key, csv);
      const apply = h('button', { type: 'button', class: 'button', id: 'apply-upload' }, t('upload.apply'));
      apply.addEventListener('click', async () => {
        try {
          const done = await api.upload(key, csv);
          preview.replaceChildren(notice(t('upload.done', { count: (done.changes || answer.changes).filter(c => c.kind !== 'unchanged').length })));
          preview.firstChild.focus();
        } catch (error) { if (error instanceof Problem) showProblem(form, error); else throw error; }
      });
      const changes = answer.changes || [];
      const refusals = answer.refusals || [];
      preview.replaceChildren(h('h2', { class: 'heading-m' }, t('upload.previewTitle')),
        table(t('upload.previewTitle'), [t('upload.line'), t('upload.change'), t('upload.outcome')], [
          ...changes.map(c => [String(c.line), `${t('upload.kind.' + c.kind)}: ${c.right || ''} ${c.clientId ? '(' + c.clientId + ')' : ''} ${c.personId || ''}`, t('upload.ok')]),
          ...refusals.map(r => [String(r.line), r.field || '', h('span', { class: 'error-text' }, r.reason)])]
          .sort((a, b) => Number(a[0]) - Number(b[0]))),
        answer.applicable && !refusals.length ? apply : h('p', { class: 'error-text', id: 'upload-refused' }, t('upload.fixFirst', { count: refusals.length })));
    } catch (error) {
      if (error instanceof Problem && !error.refused) showProblem(form, error); else throw error;
    }
  });
  return { title: t('reports.title', { organisation: orgName(organisation) }), content: [orgNav(key, '/reports'),
    h('p', { class: 'body' }, t('reports.text')), download, form, preview] };
}

export async function audit({ params, query }) {
  const key = params.key;
  const organisation = await api.organisation(key);
  const answer = await api.audit(key, query.get('cursor'));
  return {
    title: t('audit.title', { organisation: orgName(organisation) }),
    content: [orgNav(key, '/audit'), table(t('audit.title', { organisation: key }), [t('audit.when'), t('audit.who'), t('audit.role'), t('audit.action'), t('audit.target'), t('audit.what')],
      items(answer).map(a => [date(a.at), a.actorPersonId || a.actorClientId || '', a.role || '', a.action, a.target || '', change(a)])),
    answer.next ? h('p', {}, link(`${orgPath(key)}/audit?cursor=${encodeURIComponent(answer.next)}`, t('people.next'), { 'data-link': '', rel: 'next' })) : null],
  };
}
