// Reports of an organisation (people × rights, CSV download), the bulk upload of the same CSV
// (a preview of every change and refusal first, then all or nothing), and the audit trail.
import { t, date } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, field, button, table, showProblem, notice } from '../ui.js';
import { orgNav, orgName } from './common.js';

export async function render({ params }) {
  const key = params.key;
  const organisation = await api.organisation(key);
  const download = h('button', { type: 'button', class: 'button', id: 'download' }, t('reports.download'));
  download.addEventListener('click', async () => {
    const response = await api.report(key, 'csv');
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
      const answer = await api.upload(key, csv, false);
      const lines = items(answer.lines || answer.changes || answer);
      const refused = lines.filter(line => line.refused || line.problem || line.error);
      const apply = h('button', { type: 'button', class: 'button', id: 'apply-upload', disabled: refused.length > 0 || undefined }, t('upload.apply'));
      apply.addEventListener('click', async () => {
        try {
          await api.upload(key, csv, true);
          preview.replaceChildren(notice(t('upload.done', { count: lines.length })));
        } catch (error) { if (error instanceof Problem) showProblem(form, error); else throw error; }
      });
      preview.replaceChildren(h('h2', { class: 'heading-m' }, t('upload.previewTitle')),
        table(t('upload.previewTitle'), [t('upload.line'), t('upload.change'), t('upload.outcome')],
          lines.map((line, index) => [String(line.line || index + 1), line.summary || line.change || line.action || '',
            line.refused || line.problem || line.error ? h('span', { class: 'error-text' }, line.reason || line.detail || (line.problem && line.problem.detail) || t('upload.refused')) : t('upload.ok')])),
        refused.length ? h('p', { class: 'error-text' }, t('upload.fixFirst', { count: refused.length })) : apply);
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
    content: [orgNav(key, '/audit'), table(t('audit.title', { organisation: key }), [t('audit.when'), t('audit.who'), t('audit.role'), t('audit.action'), t('audit.what')],
      items(answer).map(a => [date(a.when || a.at || a.time), a.actorName || a.who || a.actor || '', a.role || '', a.action || '',
        a.summary || [a.target, a.before && JSON.stringify(a.before), a.after && JSON.stringify(a.after)].filter(Boolean).join(' → ')]))],
  };
}
