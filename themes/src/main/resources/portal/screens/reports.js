// Reports of an organisation (people × rights, CSV download), the bulk upload of the same CSV
// (a preview of every change and refusal first, then all or nothing), and the audit trail.
import { t } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, field, button, table, showProblem, notice, link, tag } from '../ui.js';
import { orgNav, orgName, orgPath, auditCells } from './common.js';

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
      // the person of each line, from the file itself: the preview names people, not only ids
      const lines = csvRecords(csv);
      const header = lines[0] || [];
      const who = line => {
        const record = lines[line - 1] || [];
        const cell = column => record[header.indexOf(column)] || '';
        return [cell('givenName'), cell('familyName')].filter(Boolean).join(' ') || cell('userName') || cell('personId');
      };
      const shown = changes.filter(c => c.kind !== 'unchanged');
      const unchanged = changes.length - shown.length;
      preview.replaceChildren(h('h2', { class: 'heading-m' }, t('upload.previewTitle')),
        table(t('upload.previewTitle'), [t('upload.line'), t('person.name'), t('upload.change'), t('upload.outcome')], [
          ...shown.map(c => [String(c.line), who(c.line), `${t('upload.kind.' + c.kind)}: ${c.right || ''}${c.clientId ? ' (' + c.clientId + ')' : ''}`,
            tag(t('upload.ok'), 'tag-green')]),
          ...refusals.map(r => [String(r.line), r.line > 1 ? who(r.line) : '', r.field || '',
            h('span', { class: 'error-text' }, `${t('upload.refused')}: ${r.reason}`)])]
          .sort((a, b) => Number(a[0]) - Number(b[0])), { empty: t('upload.nothing') }),
        unchanged ? h('p', { class: 'body', id: 'upload-unchanged' }, t('upload.unchanged', { count: unchanged })) : null,
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
    content: [orgNav(key, '/audit'), table(t('audit.title', { organisation: key }), [t('audit.when'), t('audit.who'), t('audit.role'), t('audit.action'), t('audit.what')],
      items(answer).map(a => auditCells(a))),
    answer.next ? h('p', {}, link(`${orgPath(key)}/audit?cursor=${encodeURIComponent(answer.next)}`, t('people.next'), { 'data-link': '', rel: 'next' })) : null],
  };
}

/** The records of a CSV text (RFC 4180: quoted cells, doubled quotes, CRLF or LF), header first. */
export function csvRecords(text) {
  const records = [];
  let record = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(cell); cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(cell); cell = '';
      // the server skips empty lines, and counts lines as records: so do we
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
    } else {
      cell += c;
    }
  }
  if (cell !== '' || record.length) { record.push(cell); records.push(record); }
  return records;
}
