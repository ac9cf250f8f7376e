// Small DOM helpers in the GOV.UK Design System's patterns. Text always goes in as text
// (textContent), never as HTML, so nothing the API returns can become markup.
import { t } from './i18n.js';

/** h('p', {class: 'x'}, 'text', child) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const ids = new Map();
/** A stable id for a field name, used by labels, hints, errors and the summary's links. */
export function fieldId(name) {
  if (!ids.has(name)) ids.set(name, 'f-' + String(name).replace(/[^A-Za-z0-9_-]/g, '-'));
  return ids.get(name);
}

/**
 * A labelled field: {name, label, hint, type, value, options:[{value,label}], required, autocomplete}.
 * Problems of the field are shown under its label (see showProblem).
 */
export function field({ name, label, hint, type = 'text', value = '', options, required, autocomplete, inputmode, rows }) {
  const id = fieldId(name);
  const describedBy = [hint ? id + '-hint' : null, id + '-error'].filter(Boolean).join(' ');
  let control;
  if (options) {
    control = h('select', { id, name, class: 'select', 'aria-describedby': describedBy, required },
      options.map(option => h('option', { value: option.value, selected: String(option.value) === String(value) }, option.label)));
  } else if (type === 'textarea') {
    control = h('textarea', { id, name, class: 'textarea', rows: rows || 4, 'aria-describedby': describedBy, required });
    control.value = value;
  } else {
    control = h('input', { id, name, type, class: 'input', value, 'aria-describedby': describedBy, required, autocomplete, inputmode });
  }
  return h('div', { class: 'form-group', 'data-field': name },
    h('label', { class: 'label', for: id }, label),
    hint ? h('div', { class: 'hint', id: id + '-hint' }, hint) : null,
    h('p', { class: 'error-message', id: id + '-error', hidden: true }),
    control);
}

/** A group of radios or checkboxes in a fieldset with a legend. */
export function choices({ name, legend, hint, type = 'radio', options, value }) {
  const id = fieldId(name);
  return h('fieldset', { class: 'fieldset form-group', 'data-field': name, id, 'aria-describedby': (hint ? id + '-hint ' : '') + id + '-error', tabindex: '-1' },
    h('legend', { class: 'legend' }, legend),
    hint ? h('div', { class: 'hint', id: id + '-hint' }, hint) : null,
    h('p', { class: 'error-message', id: id + '-error', hidden: true }),
    options.map((option, index) => h('div', { class: 'choice' },
      h('input', { type, name, id: `${id}-${index}`, value: option.value, checked: option.value === value || undefined }),
      h('label', { for: `${id}-${index}` }, option.label),
      option.hint ? h('div', { class: 'hint choice-hint' }, option.hint) : null)));
}

export function button(text, attributes = {}) {
  return h('button', { type: 'submit', class: 'button', ...attributes }, text);
}

export function link(href, text, attributes = {}) {
  return h('a', { href, class: 'link', ...attributes }, text);
}

/**
 * Shows a problem of the API on a form: an error summary at the top (role=alert, focused) with a
 * link to each field it names, and the same text next to that field. Errors that name no field
 * on this form are listed in the summary only.
 */
export function showProblem(form, problem) {
  clearProblem(form);
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    h('h2', { class: 'error-summary-title', id: 'error-summary-title' }, t('error.summaryTitle')));
  const list = h('ul', { class: 'error-summary-list' });
  const errors = problem.errors && problem.errors.length ? problem.errors : [{ field: '', detail: problem.detail || problem.title || t('error.unknown') }];
  for (const error of errors) {
    const group = error.field ? findGroup(form, error.field) : null;
    const text = error.detail || problem.detail || problem.title;
    if (group) {
      group.classList.add('form-group-error');
      const message = group.querySelector('.error-message');
      message.hidden = false;
      message.replaceChildren(h('span', { class: 'visually-hidden' }, t('error.prefix') + ' '), text);
      // the control named like the field (a person picker's list, not its search box), else the group's first
      const control = [...group.querySelectorAll('input, select, textarea')].find(c => c.name === group.dataset.field)
        || group.querySelector('input, select, textarea');
      if (control) control.setAttribute('aria-invalid', 'true');
      const target = control || group;
      list.append(h('li', {}, h('a', { href: '#' + target.id, 'data-focus': target.id }, text)));
    } else {
      list.append(h('li', {}, text));
    }
  }
  summary.append(list);
  summary.addEventListener('click', event => {
    const target = event.target.closest('a[data-focus]');
    if (target) {
      event.preventDefault();
      document.getElementById(target.dataset.focus).focus();
    }
  });
  form.prepend(summary);
  summary.focus();
  return summary;
}

function findGroup(form, name) {
  const groups = [...form.querySelectorAll('[data-field]')];
  const simple = name.split(/[./]/).pop();
  return groups.find(group => group.dataset.field === name) || groups.find(group => group.dataset.field === simple) || null;
}

export function clearProblem(form) {
  form.querySelectorAll('.error-summary').forEach(summary => summary.remove());
  form.querySelectorAll('.form-group-error').forEach(group => group.classList.remove('form-group-error'));
  form.querySelectorAll('.error-message').forEach(message => { message.hidden = true; message.replaceChildren(); });
  form.querySelectorAll('[aria-invalid]').forEach(control => control.removeAttribute('aria-invalid'));
}

/** Reads a form's named values into an object (empty strings left out). */
export function values(form) {
  const out = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (value === '') continue;
    if (name in out) out[name] = [].concat(out[name], value);
    else out[name] = value;
  }
  return out;
}

export function table(caption, headers, rows, { empty } = {}) {
  if (!rows.length) {
    return h('p', { class: 'body' }, empty || t('common.none'));
  }
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'table' },
      h('caption', { class: 'table-caption' }, caption),
      h('thead', {}, h('tr', {}, headers.map(header => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, rows.map(row => h('tr', {}, row.map((cell, index) => index === 0
        ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))))));
}

export function tag(text, kind = '') {
  return h('strong', { class: `tag ${kind}` }, text);
}

export function notice(text, kind = 'success') {
  return h('div', { class: `notification notification-${kind}`, role: kind === 'success' ? 'status' : 'alert', tabindex: '-1' }, text);
}

/** Definition list of label/value pairs. */
export function summaryList(pairs) {
  return h('dl', { class: 'summary-list' }, pairs.filter(Boolean).map(([key, value]) => h('div', { class: 'summary-row' },
    h('dt', { class: 'summary-key' }, key), h('dd', { class: 'summary-value' }, value ?? ''))));
}
