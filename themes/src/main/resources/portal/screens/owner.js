// For application owners: their applications, each right's definition, every holder, and
// sign-ins per organisation per day as a small inline SVG chart (no chart library).
import { t, date } from '../i18n.js';
import { api, items, Problem } from '../api.js';
import { h, table, link, field, choices, button, showProblem, values, notice } from '../ui.js';
import { maximumDays } from './grant.js';
import { base, section, rightLabel, validity, status, pagedTable } from './common.js';

export async function list() {
  const applications = items(await api.applications());
  return {
    title: t('owner.title'),
    content: applications.length
      ? h('ul', { class: 'list', id: 'applications' }, applications.map(a => h('li', {},
        link(`${base}applications/${encodeURIComponent(a.clientId || a.id)}`, a.name || a.clientId || a.id, { 'data-link': '' }))))
      : h('p', { class: 'body' }, t('owner.none')),
  };
}

export async function render({ params }) {
  const client = params.client;
  const application = await api.application(client);
  const rights = items(await api.rights(client));
  return {
    title: t('owner.application', { application: application.name || client }),
    content: [
      h('section', { class: 'section', id: 'definitions' }, h('h2', { class: 'heading-m' }, t('owner.definitions')),
        table(t('owner.definitions'), [t('grant.right'), t('owner.description'), t('grant.context'), t('grant.maxValidity'), t('grant.approval')],
          rights.map(r => [r.name, r.description || '', (r.contextValues || []).map(c => c.value || c).join(', '),
            maximumDays(r) ? t('grant.days', { days: maximumDays(r) }) : t('grant.noMax'),
            r.needsApproval ? t('grant.needsApproval') : t('grant.noApproval')]))),
      // every holder, 50 at a time by the API's cursor ("more" for the next page)
      section(t('owner.holders'), () => pagedTable({ caption: t('owner.holders'), id: 'holders-list',
        headers: [t('person.name'), t('grant.right'), t('grant.organisation'), t('grant.validity'), t('grant.status')],
        load: cursor => api.holders(client, { cursor }),
        row: g => [g.personName || g.personId, rightLabel(g), g.organisationName ? `${g.organisationName} (${g.organisationKey})` : g.organisationKey,
          validity(g), status(g.status)] }), element => element, { id: 'holders' }),
      section(t('owner.signIns'), () => api.signIns(client), answer => chart(answer.days || items(answer)), { id: 'sign-ins' }),
      provisioning(client),
    ],
  };
}

/**
 * Where the application's people are provisioned over SCIM: a form that registers, replaces or
 * removes the target. The credential is never shown (the API never returns it); left empty, the
 * stored one is kept. What is allowed is the API's word: its problems appear next to the fields.
 */
function provisioning(client) {
  const body = h('div', { class: 'section-body' }, h('p', { class: 'hint' }, t('common.loading')));
  const element = h('section', { class: 'section', id: 'provisioning', 'aria-labelledby': 'provisioning-title' },
    h('h2', { class: 'heading-m', id: 'provisioning-title' }, t('provisioning.title')), body);
  const draw = (target, message) => body.replaceChildren(...provisioningForm(client, target, message, draw));
  api.provisioningTarget(client).then(target => draw(target))
    .catch(error => {
      if (error instanceof Problem && error.status === 404) draw(null);
      else if (error instanceof Problem && error.refused) element.remove();
      else body.replaceChildren(h('p', { class: 'hint' }, t('error.text')));
    });
  return element;
}

function provisioningForm(client, target, message, draw) {
  const value = (name, fallback = '') => (target && target[name] !== undefined ? String(target[name]) : fallback);
  const credentials = h('div', { id: 'provisioning-credentials' },
    field({ name: 'tokenEndpoint', label: t('provisioning.tokenEndpoint'), type: 'url', value: value('tokenEndpoint') }),
    field({ name: 'clientId', label: t('provisioning.clientId'), value: value('clientId'), autocomplete: 'off' }),
    field({ name: 'scope', label: t('provisioning.scope'), hint: t('provisioning.optional'), value: value('scope') }));
  const form = h('form', { novalidate: true, id: 'provisioning-target' },
    h('p', { class: 'body', id: 'provisioning-state' }, target ? t('provisioning.registered') : t('provisioning.none')),
    field({ name: 'baseUrl', label: t('provisioning.baseUrl'), hint: t('provisioning.baseUrlHint'), type: 'url', value: value('baseUrl') }),
    field({ name: 'authentication', label: t('provisioning.authentication'), value: value('authentication', 'bearer'),
      options: [{ value: 'bearer', label: t('provisioning.bearer') }, { value: 'client_credentials', label: t('provisioning.clientCredentials') }] }),
    credentials,
    field({ name: 'secret', label: t('provisioning.secret'), type: 'password', autocomplete: 'new-password',
      hint: target && target.secretSet ? t('provisioning.secretKept') : t('provisioning.secretHint') }),
    field({ name: 'rights', label: t('provisioning.rights'), value: value('rights', 'roles'),
      options: ['roles', 'entitlements', 'none'].map(code => ({ value: code, label: t('provisioning.rights.' + code) })) }),
    choices({ name: 'groups', legend: t('provisioning.groupsLegend'), type: 'checkbox',
      options: [{ value: 'true', label: t('provisioning.groups') }], value: value('groups') }),
    field({ name: 'whenLastRightEnds', label: t('provisioning.whenLastRightEnds'), value: value('whenLastRightEnds', 'deactivate'),
      options: ['deactivate', 'delete'].map(code => ({ value: code, label: t('provisioning.end.' + code) })) }),
    h('div', { class: 'button-group' }, button(t('provisioning.save')),
      target ? button(t('provisioning.remove'), { type: 'button', class: 'button button-warning', id: 'provisioning-remove' }) : null));
  const authentication = form.querySelector('[name=authentication]');
  const showCredentials = () => { credentials.hidden = authentication.value !== 'client_credentials'; };
  authentication.addEventListener('change', showCredentials);
  showCredentials();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const written = values(form);
    const sent = { ...written, groups: written.groups === 'true' };
    if (sent.authentication !== 'client_credentials') ['tokenEndpoint', 'clientId', 'scope'].forEach(name => delete sent[name]);
    try {
      const stored = await api.putProvisioningTarget(client, sent, target && target.__etag);
      draw(stored, t('provisioning.saved'));
    } catch (error) {
      if (error instanceof Problem && error.status !== 403) showProblem(form, error); else throw error;
    }
  });
  const remove = form.querySelector('#provisioning-remove');
  if (remove) {
    remove.addEventListener('click', async () => {
      try {
        await api.removeProvisioningTarget(client, target.__etag);
        draw(null, t('provisioning.removed'));
      } catch (error) {
        if (error instanceof Problem && error.status !== 403) showProblem(form, error); else throw error;
      }
    });
  }
  const shown = message ? notice(message) : null;
  if (shown) setTimeout(() => shown.focus());
  return [shown, form].filter(Boolean);
}

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Lines of one colour and dash pattern per organisation (up to six), a marker per day, plus the same
 * data as a table (what a screen reader reads, and what a person without the chart compares).
 */
export function chart(points) {
  const days = [...new Set(points.map(p => p.day || p.date))].sort();
  const organisations = [...new Set(points.map(p => p.organisation || p.organisationKey))];
  if (!days.length) return h('p', { class: 'body' }, t('owner.noSignIns'));
  const count = (org, day) => points.filter(p => (p.organisation || p.organisationKey) === org && (p.day || p.date) === day)
    .reduce((sum, p) => sum + (p.count || p.signIns || 0), 0);
  const max = Math.max(1, ...organisations.flatMap(org => days.map(day => count(org, day))));
  const width = 600, height = 240, left = 40, bottom = 30, top = 10;
  const x = index => left + (days.length === 1 ? 0 : index * (width - left - 10) / (days.length - 1));
  const y = value => top + (height - top - bottom) * (1 - value / max);
  const colours = ['#1d70b8', '#00703c', '#d4351c', '#4c2c92', '#b58840', '#0b0c0c'];
  const dashes = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-labelledby': 'chart-title' });
  svg.append(s('title', { id: 'chart-title' }, t('owner.chartTitle')));
  svg.append(s('line', { x1: left, y1: y(0), x2: width - 10, y2: y(0), stroke: '#505a5f', class: 'axis-zero' }));
  svg.append(s('line', { x1: left - 4, y1: y(max), x2: left, y2: y(max), stroke: '#505a5f', class: 'axis-max' }));
  svg.append(s('text', { x: 4, y: y(max) + 4, 'font-size': 12, fill: '#0b0c0c', class: 'axis-max-label' }, String(max)));
  svg.append(s('text', { x: 4, y: y(0) + 4, 'font-size': 12, fill: '#0b0c0c' }, '0'));
  svg.append(s('text', { x: left, y: height - 8, 'font-size': 12, fill: '#0b0c0c' }, date(days[0])));
  svg.append(s('text', { x: width - 10, y: height - 8, 'font-size': 12, fill: '#0b0c0c', 'text-anchor': 'end' }, date(days[days.length - 1])));
  organisations.slice(0, 6).forEach((org, i) => {
    const path = days.map((day, index) => `${index ? 'L' : 'M'}${x(index).toFixed(1)},${y(count(org, day)).toFixed(1)}`).join(' ');
    const line = s('path', { d: path, fill: 'none', stroke: colours[i], 'stroke-width': 2 });
    if (dashes[i]) line.setAttribute('stroke-dasharray', dashes[i]);
    svg.append(line);
    // a marker on every day, so a single day (or a lone value) shows too; its title reads out the number
    days.forEach((day, index) => {
      const value = count(org, day);
      const point = s('circle', { cx: x(index).toFixed(1), cy: y(value).toFixed(1), r: 4, fill: colours[i],
        class: 'chart-point', 'data-organisation': org, 'data-day': day });
      point.append(s('title', {}, `${org}, ${date(day)}: ${value}`));
      svg.append(point);
    });
  });
  const legend = h('ul', { class: 'legend-list' }, organisations.slice(0, 6).map((org, i) => h('li', { class: `legend-item legend-${i}` }, org)));
  return [h('figure', { class: 'figure' }, svg, legend),
    table(t('owner.chartTable'), [t('owner.day'), ...organisations], days.map(day => [date(day), ...organisations.map(org => String(count(org, day)))]))];
}
