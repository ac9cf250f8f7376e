// Drives the administration portal in headless Debian chromium as a person would: signs in on the
// realm's login pages, works with the keyboard where it matters, audits each screen with axe-core
// (WCAG 2.1 A/AA rules) in Dutch and French, takes screenshots, and prints one JSON line of what it saw.
// node portal.mjs '{"scenario", "base", "username", "password", "screenshots"?, ...}'
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { withBrowser } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const a = JSON.parse(process.argv[2]);
const portal = `${a.base}/realms/toegang/portal/`;
const out = { audits: {}, timings: {} };
// how long to wait for a screen; the scale benchmark gives more (its first calls may be slow)
const TIMEOUT = a.timeout || 30000;

/** Loads a portal URL (a full page load), signing in when the login page shows; waits for the screen. */
async function open(page, route, credentials = a) {
  await page.goto(portal + route, { waitUntil: 'load' });
  // the page first sends the browser to the authorization endpoint (silently back under SSO)
  await until(page, () => document.querySelector('#username') || (location.pathname.includes('/portal/') && document.querySelector('#page-title')));
  // A second attempt only when the login page comes back: on this shared machine Keycloak's LDAP
  // read of the user has timed out under load once, which the login page reports as bad credentials.
  for (let attempt = 0; attempt < 2 && await page.$('#username'); attempt++) {
    out.loginLang = out.loginLang || await page.getAttribute('html', 'lang');
    await page.fill('#username', credentials.username);
    await page.fill('#password', credentials.password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 60000 }), page.click('#kc-login')]);
    await until(page, () => (location.pathname.includes('/portal/') && document.querySelector('#page-title'))
      || (document.querySelector('#username') && document.readyState === 'complete' && !location.pathname.includes('/portal/')), Math.max(60000, TIMEOUT));
    if (attempt === 1 && await page.$('#username')) throw new Error('login refused twice for ' + credentials.username);
  }
  await settled(page);
}

/** Polls a condition in the page, across the navigations of a sign-in. */
async function until(page, condition, timeout = TIMEOUT, argument = undefined) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    try {
      if (await page.evaluate(condition, argument)) return;
    } catch (navigating) {
      // the page is being replaced; ask the next one
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error('timed out waiting on ' + page.url());
}

/** The screen is drawn: a heading, nothing busy, no section still loading. */
async function settled(page) {
  await until(page, () => document.querySelector('#page-title') && !document.querySelector('main[aria-busy]')
    && ![...document.querySelectorAll('.section-body .hint')].some(hint => hint.textContent.endsWith('…')));
}

/** The rows of the first table inside a section, each as its cells' texts. */
const rows = (page, section) => page.$$eval(`${section} tbody tr`, trs => trs.map(row =>
  [...row.children].map(cell => cell.textContent.replace(/\s+/g, ' ').trim())));

const text = async (page, selector) => ((await page.textContent(selector)) || '').replace(/\s+/g, ' ').trim();

/** axe-core, injected through the DevTools protocol (the portal's CSP forbids inline script, rightly). */
async function audit(page, name) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(AXE);
  }
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const lang = await page.getAttribute('html', 'lang');
  out.audits[`${name}:${lang}`] = result.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
    target: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') }));
}

async function language(page, lang) {
  await page.selectOption('#language', lang);
  await page.waitForFunction(l => document.documentElement.lang === l, lang);
  await settled(page);
}

/** Audits the current screen in Dutch and French, and comes back to Dutch. */
async function auditBoth(page, name) {
  await audit(page, name);
  await language(page, 'fr');
  await audit(page, name);
  await language(page, 'nl');
}

async function shot(page, name) {
  if (a.screenshots) {
    fs.mkdirSync(a.screenshots, { recursive: true });
    await page.screenshot({ path: path.join(a.screenshots, `portal-${name}.png`), fullPage: true });
  }
}

async function screen(page) {
  return { url: new URL(page.url()).pathname, title: await text(page, '#page-title'), main: await text(page, 'main'),
    refused: Boolean(await page.$('#toegang-refused')), nav: await text(page, '#nav'),
    subNav: (await page.$('.sub-nav')) ? await text(page, '.sub-nav') : null,
    // a table wider than the page hides columns behind a sideways scroll
    tablesScrollSideways: await page.evaluate(() => [...document.querySelectorAll('.table-wrap')]
      .some(wrap => wrap.scrollWidth > wrap.clientWidth + 1)) };
}

/** What a person does on a screen; each returns what the screen then showed. */
const actions = {
  async open(page, { route, name, shot: photograph = true, audit: auditIt, timing }) {
    const started = Date.now();
    await open(page, route);
    const result = await screen(page);
    if (timing) {
      result.shownMs = Date.now() - started;
      result.navigation = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const screen = performance.getEntriesByName('toegang-screen').pop();
        // drawn: from this document's navigation start (the return from the silent sign-in) to the screen drawn
        return { domInteractive: Math.round(nav.domInteractive), domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
          drawn: screen ? Math.round(screen.startTime) : null, screen: screen ? screen.detail.ms : null };
      });
      result.peopleMs = await page.evaluate(() => Number((document.querySelector('#people-count') || {}).dataset?.ms));
    }
    if (name && photograph) await shot(page, name);
    if (auditIt) await auditBoth(page, name || route);
    return result;
  },

  /** Navigates inside the portal as a link would (no page load) and times the screen: route to drawn. */
  async go(page, { route, name }) {
    const before = await page.evaluate(() => performance.getEntriesByName('toegang-screen').length);
    const started = Date.now();
    await page.evaluate(path => {
      const anchor = document.createElement('a');
      anchor.href = document.querySelector('#home-link').getAttribute('href').replace(/\/?$/, '/') + path;
      anchor.dataset.link = '';
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    }, route);
    await until(page, count => performance.getEntriesByName('toegang-screen').length > count, Math.max(60000, TIMEOUT), before);
    await settled(page);
    const result = { ...(await screen(page)), search: new URL(page.url()).search.slice(0, 40), shownMs: Date.now() - started,
      screenMs: await page.evaluate(() => performance.getEntriesByName('toegang-screen').pop().detail.ms) };
    if (name) await shot(page, name);
    return result;
  },

  /** Follows the screen's "next page" link (the API's cursor) and times it as a link inside the portal. */
  async next(page) {
    const before = await page.evaluate(() => performance.getEntriesByName('toegang-screen').length);
    const started = Date.now();
    await page.click('#next-page');
    await until(page, count => performance.getEntriesByName('toegang-screen').length > count, Math.max(60000, TIMEOUT), before);
    await settled(page);
    return { ...(await screen(page)), search: new URL(page.url()).search.slice(0, 40), shownMs: Date.now() - started,
      screenMs: await page.evaluate(() => performance.getEntriesByName('toegang-screen').pop().detail.ms) };
  },

  /** On the add-person screen: fills and submits; {problem} when the API refused, else the new person's screen. */
  async addPerson(page, { organisation, nationalRegisterNumber, givenName, familyName, email, name }) {
    await open(page, `organisations/${organisation}/people/new`);
    if (name) await auditBoth(page, name);
    await page.fill('#f-nationalRegisterNumber', nationalRegisterNumber);
    if (givenName) await page.fill('#f-givenName', givenName);
    if (familyName) await page.fill('#f-familyName', familyName);
    if (email) await page.fill('#f-email', email);
    await page.click('#add-person button[type=submit]');
    return submitted(page, name, () => !location.pathname.endsWith('/people/new'));
  },

  /** On a person's screen: grant → application → right (limits shown) → context → end date → reason. */
  async grant(page, { application, right, context, validTo, reason, name }) {
    await page.click('#grant-link');
    await settled(page);
    await page.selectOption('#f-clientId', application);
    await page.waitForSelector('#f-right');
    await page.selectOption('#f-right', right);
    await page.waitForSelector('#right-limits .summary-list');
    const limits = await text(page, '#right-limits');
    if (context) await page.selectOption('#f-context', context);
    if (validTo) await page.fill('#f-validTo', validTo);
    if (reason) await page.fill('#f-reason', reason);
    if (name) {
      await shot(page, name);
      await audit(page, name);
    }
    await page.click('#grant button[type=submit]');
    return { limits, ...(await submitted(page, null, () => location.search.includes('granted='))) };
  },

  /** The requests inbox: each card's id and text. */
  async inbox(page, { name }) {
    await open(page, 'requests');
    const cards = await page.$$eval('#inbox > li', items => items.map(item => ({
      id: item.querySelector('[data-request]')?.dataset.request, text: item.textContent.replace(/\s+/g, ' ').trim() })));
    if (name) {
      await shot(page, name);
      await auditBoth(page, name);
    }
    return { cards, ...(await screen(page)) };
  },

  /** Opens one request by its URL and, when the page offers it, decides it with a reason. */
  async decide(page, { requestId, decision, reason, name }) {
    await open(page, `requests/${encodeURIComponent(requestId)}`);
    const result = { opened: await screen(page), reason: await page.$('#toegang-reason') ? await text(page, '#toegang-reason') : null };
    if (await page.$(`[data-request="${requestId}"]`)) {
      await page.fill(`#reason-${requestId}`, reason);
      await page.click(`[data-request="${requestId}"] button[name=${decision}]`);
      Object.assign(result, await submitted(page, name, () => location.search.includes('decided=')));
    } else if (name) {
      await shot(page, name);
    }
    return result;
  },

  /** Bulk extension: ticks the grants whose label contains each text, previews, then extends. */
  async extend(page, { organisation, search, labels, validTo, name }) {
    await open(page, `organisations/${organisation}/extend` + (search ? '?q=' + encodeURIComponent(search) : ''));
    for (const label of labels) {
      const id = await page.$$eval('#extend .choice label', (all, text) =>
        (all.find(l => l.textContent.includes(text)) || {}).htmlFor, label);
      if (!id) return { problem: 'no grant labelled ' + label };
      await page.check('#' + id);
    }
    await page.fill('#f-validTo', validTo);
    await page.click('#extend button[name=preview]');
    await page.waitForSelector('#preview table');
    const preview = await text(page, '#preview');
    if (name) await shot(page, name);
    await page.click('#extend button[name=apply]');
    await until(page, () => document.querySelector('.error-summary') || document.querySelector('#preview .notification'));
    return { preview, outcome: await text(page, (await page.$('.error-summary')) ? '.error-summary' : '#preview .notification') };
  },

  /** Compares two people of the organisation (chosen by name) and copies what the second lacks. */
  async compare(page, { organisation, from, to, name }) {
    await open(page, `organisations/${organisation}/compare`);
    for (const [picker, person] of [['a', from], ['b', to]]) {
      const value = await pick(page, picker, person);
      if (!value) return { problem: 'the search for ' + person + ' found nobody' };
    }
    await page.click('#compare button[type=submit]');
    await until(page, () => document.querySelector('#comparison table, #comparison p, .error-summary'));
    const compared = await text(page, '#comparison');
    if (name) {
      await shot(page, name);
      await audit(page, name);
    }
    if (!(await page.$('#copy'))) return { compared };
    await page.click('#copy');
    await until(page, () => document.querySelector('#comparison .notification, .error-summary'));
    return { compared, copied: await text(page, (await page.$('.error-summary')) ? '.error-summary' : '#comparison .notification') };
  },

  /** Reports: downloads the organisation's CSV as a person would (the button, the browser's download). */
  async download(page, { organisation, name }) {
    await open(page, `organisations/${organisation}/reports`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click('#download')]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    if (name) {
      await shot(page, name);
      await auditBoth(page, name);
    }
    return { csv, filename: download.suggestedFilename() };
  },

  /**
   * Bulk upload: sends a CSV for a preview and reports what the preview says, row by row; with
   * {apply: true} and an applicable preview, then applies it and reports the outcome.
   */
  async uploadPreview(page, { organisation, csv, name, apply }) {
    await open(page, `organisations/${organisation}/reports`);
    await page.setInputFiles('#f-file', { name: 'upload.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.click('#upload button[type=submit]');
    await until(page, () => document.querySelector('#upload-preview h2, .error-summary'));
    const result = { preview: await text(page, '#upload-preview'), applicable: Boolean(await page.$('#apply-upload')),
      problem: (await page.$('.error-summary')) ? await text(page, '.error-summary') : null,
      rows: await page.$$eval('#upload-preview tbody tr', rows => rows.map(row =>
        [...row.children].map(cell => cell.textContent.replace(/\s+/g, ' ').trim()))) };
    if (name) {
      await shot(page, name);
      await audit(page, name);
    }
    if (apply && result.applicable) {
      await page.click('#apply-upload');
      await until(page, () => document.querySelector('#upload-preview .notification, .error-summary'));
      result.outcome = await text(page, (await page.$('.error-summary')) ? '.error-summary' : '#upload-preview .notification');
    }
    return result;
  },

  /** A person asks for a right on their own page's form; {problem...} when the API refused, else their page. */
  async ask(page, { organisation, clientId, right, context, validTo, reason, name }) {
    await open(page, 'ask');
    if (name) await auditBoth(page, name);
    if (organisation) await page.selectOption('#f-organisationKey', organisation);
    await page.fill('#f-clientId', clientId || '');
    await page.fill('#f-right', right || '');
    if (context) await page.fill('#f-context', context);
    if (validTo) await page.fill('#f-validTo', validTo);
    if (reason) await page.fill('#f-reason', reason);
    await page.click('#ask button[type=submit]');
    const result = await submitted(page, name, () => location.search.includes('requested='));
    if (!result.problem) result.requests = await rows(page, '#requests');
    return result;
  },

  /** A person asks to work for an organisation (the join screen); {problem...} when the API refused, else their page. */
  async join(page, { organisation, type, reason, name }) {
    await open(page, 'join');
    if (name) await auditBoth(page, name);
    await page.fill('#f-organisationKey', organisation || '');
    if (type) await page.check(`#join input[name=type][value=${type}]`);
    if (reason) await page.fill('#f-reason', reason);
    await page.click('#join button[type=submit]');
    const result = await submitted(page, name, () => location.search.includes('joinRequested='));
    if (!result.problem) result.joins = await rows(page, '#work-relation-requests');
    return result;
  },

  /** On one's own page: withdraws the undecided work-relation request whose row names the organisation. */
  async withdrawJoin(page, { organisation }) {
    await open(page, '');
    const id = await page.$$eval('[data-withdraw-join]', (buttons, text) =>
      (buttons.find(b => b.closest('tr').textContent.includes(text)) || {}).dataset?.withdrawJoin, organisation);
    if (!id) return { problem: 'no work-relation request for ' + organisation + ' to withdraw' };
    await page.click(`[data-withdraw-join="${id}"]`);
    await until(page, () => location.search.includes('joinWithdrawn='));
    await settled(page);
    return { id, notice: await text(page, 'main .notification'), joins: await rows(page, '#work-relation-requests') };
  },

  /** The inbox's work-relation requests of an organisation: decides the card that names the person, with a reason. */
  async decideJoin(page, { organisation, person, decision, reason, name }) {
    await open(page, 'requests');
    const cards = await page.$$eval(`#join-inbox-${organisation} > li`, items => items.map(item => ({
      id: item.querySelector('[data-join-request]')?.dataset.joinRequest, text: item.textContent.replace(/\s+/g, ' ').trim() })));
    const card = cards.find(c => c.text.includes(person));
    if (name) {
      await shot(page, name);
      await auditBoth(page, name);
    }
    if (!card) return { cards, problem: 'no work-relation request of ' + person };
    await page.fill(`#join-reason-${card.id}`, reason);
    await page.click(`[data-join-request="${card.id}"] button[name=${decision}]`);
    return { cards, id: card.id, ...(await submitted(page, null, () => location.search.includes('decided='))) };
  },

  /** On one's own page: withdraws the undecided request whose row names the right. */
  async withdraw(page, { right, name }) {
    await open(page, '');
    const id = await page.$$eval('[data-withdraw]', (buttons, text) =>
      (buttons.find(b => b.closest('tr').textContent.includes(text)) || {}).dataset?.withdraw, right);
    if (!id) return { problem: 'no request for ' + right + ' to withdraw' };
    await page.click(`[data-withdraw="${id}"]`);
    await until(page, () => location.search.includes('withdrawn='));
    await settled(page);
    if (name) await shot(page, name);
    return { id, url: new URL(page.url()).search, notice: await text(page, 'main .notification'), requests: await rows(page, '#requests') };
  },

  /** The application owner's sign-in chart: what the SVG draws (axis, one marker per point) and the table beside it. */
  async chart(page, { client, name }) {
    await open(page, `applications/${encodeURIComponent(client)}`);
    await page.waitForSelector('#sign-ins svg.chart, #sign-ins .section-body > p.body');
    const drawn = await page.evaluate(() => {
      const svg = document.querySelector('#sign-ins svg.chart');
      if (!svg) return null;
      const number = (selector, attribute) => Number(svg.querySelector(selector).getAttribute(attribute));
      return {
        zeroY: number('.axis-zero', 'y1'), maxY: number('.axis-max', 'y1'),
        max: Number(svg.querySelector('.axis-max-label').textContent),
        points: [...svg.querySelectorAll('.chart-point')].map(point => ({ organisation: point.dataset.organisation,
          day: point.dataset.day, cy: Number(point.getAttribute('cy')), title: point.textContent })),
        legend: [...document.querySelectorAll('#sign-ins .legend-item')].map(item => item.textContent),
      };
    });
    const table = await page.$$eval('#sign-ins table', tables => tables.map(t => ({
      head: [...t.querySelectorAll('thead th')].map(th => th.textContent.trim()),
      rows: [...t.querySelectorAll('tbody tr')].map(row => [...row.children].map(cell => cell.textContent.trim())) })));
    if (name) {
      await shot(page, name);
      await auditBoth(page, name);
    }
    return { drawn, table: table[0] || null };
  },

  /**
   * The application owner's provisioning target: fills the form with `target` (or presses the
   * remove button) and returns what the section then shows, and whether the page holds `secret`.
   */
  async provision(page, { client, target, remove, secret, name }) {
    await open(page, `applications/${encodeURIComponent(client)}`);
    await page.waitForSelector('#provisioning-target');
    if (remove) {
      await page.click('#provisioning-remove');
    } else {
      // the authentication first: it shows the fields of client credentials
      const fields = Object.entries(target).sort(([x], [y]) => (y === 'authentication') - (x === 'authentication'));
      for (const [field, value] of fields) {
        if (field === 'groups') await (value ? page.check('#f-groups-0') : page.uncheck('#f-groups-0'));
        else if (['authentication', 'rights', 'whenLastRightEnds'].includes(field)) await page.selectOption(`#f-${field}`, value);
        else await page.fill(`#f-${field}`, value);
      }
      await page.click('#provisioning-target button[type=submit]');
    }
    await until(page, () => document.querySelector('#provisioning .notification, #provisioning .error-summary'));
    const result = {
      notice: (await page.$('#provisioning .notification')) ? await text(page, '#provisioning .notification') : null,
      problem: (await page.$('#provisioning .error-summary')) ? await text(page, '#provisioning .error-summary') : null,
      fieldErrors: await page.$$eval('#provisioning .error-message:not([hidden])', errors => errors.map(error => error.id)),
      state: await text(page, '#provisioning-state'),
      secretHint: await text(page, '#f-secret-hint'),
      secretInput: await page.inputValue('#f-secret'),
      credentialsShown: await page.isVisible('#f-tokenEndpoint'),
      pageHoldsSecret: Boolean(secret) && (await page.content()).includes(secret),
    };
    if (name) {
      await page.$eval('#provisioning', section => section.scrollIntoView());
      await shot(page, name + (result.problem ? '-error' : ''));
      await auditBoth(page, name + (result.problem ? '-error' : ''));
    }
    return result;
  },

  /** A head administrator appoints a local administrator of the organisation. */
  async appoint(page, { organisation, nationalRegisterNumber, name }) {
    await open(page, `organisations/${organisation}/administrators`);
    if (name) await auditBoth(page, name);
    // the person to appoint is found by the API's search, by their national register number
    const value = await pick(page, 'personId', nationalRegisterNumber);
    if (!value) return { problem: 'no person with ' + nationalRegisterNumber + ' among the options' };
    await page.check('#f-role-0');
    await page.click('#appoint button[type=submit]');
    return submitted(page, name, () => location.search.includes('done='));
  },
};

/**
 * A person picker (search field, button, list of what the API found): searches the text, waits for
 * the list to be drawn again, and chooses the first person whose option contains the text.
 */
async function pick(page, name, text) {
  await page.fill(`#f-${name}-search`, text);
  await page.click(`#f-${name}-find`);
  // the list answers this search (its data-query), not the first page drawn before it
  await until(page, ([id, wanted]) => document.getElementById(id).dataset.query === wanted
    && [...document.querySelectorAll(`#${id} option`)].some(o => o.textContent.includes(wanted)), TIMEOUT, [`f-${name}`, text]);
  const value = await page.$$eval(`#f-${name} option`, (options, wanted) =>
    (options.find(option => option.textContent.includes(wanted)) || {}).value, text);
  if (value) await page.selectOption(`#f-${name}`, value);
  return value;
}

/** After a submit: either the API's problem (error summary) or the next screen. */
async function submitted(page, name, succeeded) {
  await until(page, `document.querySelector('.error-summary') || (${succeeded.toString()})()`);
  await settled(page);
  const summary = await page.$('.error-summary');
  const result = summary ? {
    problem: await text(page, '.error-summary'),
    links: await page.$$eval('.error-summary a', links => links.map(link => link.getAttribute('href'))),
    fieldErrors: await page.$$eval('.error-message:not([hidden])', errors => errors.map(error => ({ id: error.id, text: error.textContent.trim() }))),
    focused: await page.evaluate(() => document.activeElement.className),
  } : { ...(await screen(page)) };
  result.url = new URL(page.url()).pathname + new URL(page.url()).search;
  if (name) {
    await shot(page, name + (summary ? '-error' : ''));
    await audit(page, name + (summary ? '-error' : ''));
  }
  return result;
}

const scenarios = {
  /** Sign-in, keyboard, language, phone width, refusals by typed URL, sign-out. */
  async shell(page) {
    await open(page, '');
    out.home = await screen(page);
    out.lang = await page.getAttribute('html', 'lang');
    out.timings.home = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { domInteractive: Math.round(nav.domInteractive), load: Math.round(nav.loadEventEnd) };
    });
    await page.keyboard.press('Tab');
    out.firstTab = await page.evaluate(() => document.activeElement.id);
    await page.keyboard.press('Enter');
    out.afterSkip = await page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
    await shot(page, 'home');
    await auditBoth(page, 'home');
    await language(page, 'fr');
    out.homeFr = await screen(page);
    await language(page, 'nl');
    await page.setViewportSize({ width: 320, height: 640 });
    out.phone = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    await shot(page, 'home-phone');
    await page.setViewportSize({ width: 1024, height: 768 });
    out.refusals = {};
    for (const [name, route] of Object.entries(a.refusals || {})) {
      await open(page, route);
      out.refusals[name] = await screen(page);
      if (name === Object.keys(a.refusals)[0]) {
        await shot(page, 'refused');
        await auditBoth(page, 'refused');
      }
    }
    // navigation inside the portal moves focus to the new page's heading
    await open(page, '');
    const first = await page.$('#my-organisations a');
    if (first) {
      await first.focus();
      await page.keyboard.press('Enter');
      await settled(page);
      out.focusAfterNavigation = await page.evaluate(() => document.activeElement.id);
      out.organisation = await screen(page);
    }
    await Promise.all([page.waitForURL(url => url.pathname.endsWith('/portal/signed-out'), { timeout: 30000 }), page.click('#sign-out')]);
    await page.waitForSelector('#page-title');
    out.signedOut = await screen(page);
    await page.goto(portal, { waitUntil: 'load' });
    await until(page, () => document.querySelector('#username') || document.querySelector('#page-title'));
    out.afterSignOutShowsLogin = Boolean(await page.$('#username'));
  },

  /** Steps in one browser session: [{do, ...}], each result in out.steps (see the step functions). */
  async steps(page) {
    out.steps = [];
    for (const step of a.steps) {
      const result = await actions[step.do](page, step);
      out.steps.push({ do: step.do, ...(result || {}) });
    }
  },
};

try {
  await withBrowser('nl-BE', async page => {
    page.on('console', message => { if (message.type() === 'error') (out.console = out.console || []).push(message.text()); });
    page.on('pageerror', error => { (out.pageErrors = out.pageErrors || []).push(String(error)); });
    await scenarios[a.scenario](page);
  });
} catch (error) {
  out.error = String(error.stack || error);
}
console.log(JSON.stringify(out));
