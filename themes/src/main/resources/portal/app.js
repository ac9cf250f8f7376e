// The portal's shell: sign-in, language, navigation, client-side routes with focus management,
// and the one refusal page. Screens live in screens/*.js and draw what the API returns.
import { completeSignIn, signIn, signOut, signedIn, claims, onSessionEnd, portalBase } from './oidc.js';
import { t, useLanguage, preferredLanguage, language, LANGUAGES } from './i18n.js';
import { api, Problem } from './api.js';
import { h, link } from './ui.js';
import { routes } from './routes.js';
import { session } from './screens/common.js';

const main = document.getElementById('main');
let me = null;

/** Client-side navigation to a path below the portal (or a full URL of it). */
export function navigate(path, { replace = false } = {}) {
  const url = path.startsWith(portalBase) ? path : portalBase + path.replace(/^\//, '');
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  return show();
}

function routePath() {
  return decodeURIComponent(location.pathname.slice(portalBase.length)).replace(/\/$/, '');
}

function match(path) {
  for (const route of routes) {
    const names = [];
    const pattern = new RegExp('^' + route.path.replace(/:(\w+)/g, (all, name) => { names.push(name); return '([^/]+)'; }) + '$');
    const found = pattern.exec(path);
    if (found) {
      return { route, params: Object.fromEntries(names.map((name, index) => [name, found[index + 1]])) };
    }
  }
  return null;
}

async function show() {
  const path = routePath();
  if (path === 'signed-out') {
    return render(t('signedOut.title'), [
      h('p', { class: 'body' }, t('signedOut.text')),
      h('button', { type: 'button', class: 'button', onclick: () => signIn({ lang: language(), returnTo: portalBase }) }, t('signIn.button')),
    ]);
  }
  if (!signedIn()) {
    return signIn({ lang: language(), returnTo: location.pathname + location.search });
  }
  drawHeader();
  const found = match(path);
  if (!found) {
    return refusal();
  }
  main.setAttribute('aria-busy', 'true');
  const started = performance.now();
  try {
    const page = await found.route.screen({ params: found.params, me, navigate, query: new URLSearchParams(location.search) });
    render(page.title, page.content);
    // how long the screen took, from its route to drawn (its API calls included): read by the browser tests
    performance.mark('toegang-screen', { detail: { route: found.route.path, ms: Math.round(performance.now() - started) } });
  } catch (error) {
    if (error instanceof Problem && error.refused) {
      refusal(found.route.refusal);
    } else {
      render(t('error.title'), [h('p', { class: 'body' }, t('error.text')),
        h('p', { class: 'hint' }, error instanceof Problem ? `${error.status} ${error.title || ''}` : String(error.message))]);
    }
  } finally {
    main.removeAttribute('aria-busy');
  }
}

/** 403 and 404 look the same: nothing says whether what was asked for exists. */
function refusal(why) {
  render(t('refused.title'), [
    h('div', { id: 'toegang-refused', 'data-reason': why || 'refused' },
      h('p', { class: 'body' }, t('refused.text')),
      why ? h('p', { class: 'body', id: 'toegang-reason' }, t('refused.' + why)) : null,
      h('p', { class: 'body' }, t('refused.what')),
      h('p', { class: 'body' }, link(portalBase, t('refused.back'), { 'data-link': '' })))]);
}

let firstRender = true;

/**
 * Replaces the main content. After a navigation inside the portal the heading takes focus, so a
 * screen reader announces the new page and Tab continues from there; the first page of a load
 * keeps the browser's own start (the skip link comes first), as any server-rendered page would.
 */
function render(title, content) {
  const heading = h('h1', { class: 'heading-l', tabindex: '-1', id: 'page-title' }, title);
  main.replaceChildren(heading, ...[content].flat(Infinity).filter(node => node !== null && node !== undefined && node !== false));
  document.title = `${title} – ${t('app.name')}`;
  if (!firstRender) {
    heading.focus();
  }
  firstRender = false;
}

function drawHeader() {
  document.getElementById('skip-link').textContent = t('app.skip');
  document.getElementById('home-link').textContent = t('app.name');
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  const items = [['', t('nav.home')]];
  const permissions = session.permissions;
  if (permissions) {
    // the menus follow GET /me/permissions: what the API says the caller may do, nothing guessed
    const organisations = permissions.organisations || [];
    const applications = permissions.applications || [];
    const inOrganisation = action => organisations.some(o => (o.actions || []).includes(action));
    const inApplication = action => applications.some(a => (a.actions || []).includes(action));
    if (inApplication('decideRequests') || inOrganisation('grant') || inOrganisation('decideWorkRelationRequests')) items.push(['requests', t('nav.requests')]);
    if (inApplication('defineRights') || inApplication('seeGrants')) items.push(['applications', t('nav.applications')]);
    if ((permissions.actions || []).includes('registerOrganisations')) items.push(['central', t('nav.central')]);
  } else if (me && me.roles) {
    // without an answer from /me/permissions: the roles /me names (the API still judges every call)
    const roles = me.roles;
    if (hasAny(roles.headAdministratorOf) || hasAny(roles.localAdministratorOf) || hasAny(roles.ownedApplications)) items.push(['requests', t('nav.requests')]);
    if (hasAny(roles.ownedApplications)) items.push(['applications', t('nav.applications')]);
    if (roles.centralAdministrator) items.push(['central', t('nav.central')]);
  }
  const current = routePath();
  nav.replaceChildren(h('ul', { class: 'nav-list' }, items.map(([path, text]) => h('li', {},
    h('a', { href: portalBase + path, class: 'nav-link', 'data-link': '', 'aria-current': current === path ? 'page' : undefined }, text)))));
  const who = claims();
  const tools = document.getElementById('header-tools');
  const select = h('select', { id: 'language', class: 'select select-small', 'aria-label': t('language.label') },
    LANGUAGES.map(lang => h('option', { value: lang, selected: lang === language(), lang }, t('language.' + lang))));
  select.addEventListener('change', async () => { await useLanguage(select.value); show(); });
  tools.replaceChildren(
    h('span', { class: 'header-user' }, who ? (who.name || who.preferred_username) : ''),
    h('label', { for: 'language', class: 'visually-hidden' }, t('language.label')), select,
    h('button', { type: 'button', class: 'button button-secondary button-small', id: 'sign-out', onclick: () => signOut(language()) }, t('signOut.button')));
  document.getElementById('footer').replaceChildren(h('p', {}, t('app.footer')));
}

function hasAny(value) {
  if (!value) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

// Links marked data-link navigate inside the portal without a page load.
document.addEventListener('click', event => {
  const anchor = event.target.closest('a[data-link]');
  if (anchor && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
    event.preventDefault();
    navigate(anchor.getAttribute('href'));
  }
});
window.addEventListener('popstate', () => show());
onSessionEnd(() => signIn({ lang: language(), returnTo: location.pathname + location.search }));

async function start() {
  await useLanguage(preferredLanguage());
  document.getElementById('skip-link').textContent = t('app.skip');
  try {
    const next = await completeSignIn();
    if (next) history.replaceState(null, '', next);
  } catch (error) {
    return render(t('signIn.failed'), [h('p', { class: 'body' }, t('signIn.failedText')),
      h('button', { type: 'button', class: 'button', onclick: () => signIn({ lang: language(), returnTo: portalBase }) }, t('signIn.button'))]);
  }
  if (signedIn()) {
    const [mine, permissions] = await Promise.all([api.me().catch(() => null), api.permissions().catch(() => null)]);
    me = mine;
    session.permissions = permissions;
  }
  return show();
}

start();
