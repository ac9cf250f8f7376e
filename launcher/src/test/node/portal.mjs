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

/** Loads a portal URL (a full page load), signing in when the login page shows; waits for the screen. */
async function open(page, route, credentials = a) {
  await page.goto(portal + route, { waitUntil: 'load' });
  // the page first sends the browser to the authorization endpoint (silently back under SSO)
  await until(page, () => document.querySelector('#username') || (location.pathname.includes('/portal/') && document.querySelector('#page-title')));
  if (await page.$('#username')) {
    out.loginLang = out.loginLang || await page.getAttribute('html', 'lang');
    await page.fill('#username', credentials.username);
    await page.fill('#password', credentials.password);
    await Promise.all([page.waitForURL(url => url.pathname.includes('/portal/'), { timeout: 30000 }), page.click('#kc-login')]);
  }
  await settled(page);
}

/** Polls a condition in the page, across the navigations of a sign-in. */
async function until(page, condition, timeout = 30000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    try {
      if (await page.evaluate(condition)) return;
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
    refused: Boolean(await page.$('#toegang-refused')) };
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

  /** Adds a person by national register number (a refused number first), grants a right with an end date. */
  async addAndGrant(page) {
    const org = a.organisation;
    await open(page, `organisations/${org}/people/new`);
    await auditBoth(page, 'add-person');
    await page.fill('#f-nationalRegisterNumber', a.badNationalRegisterNumber);
    await page.fill('#f-givenName', a.givenName);
    await page.fill('#f-familyName', a.familyName);
    await page.click('#add-person button[type=submit]');
    await page.waitForSelector('.error-summary', { timeout: 15000 });
    out.refusedAdd = {
      summary: await text(page, '.error-summary'),
      links: await page.$$eval('.error-summary a', links => links.map(link => link.getAttribute('href'))),
      fieldError: await text(page, '#f-nationalRegisterNumber-error'),
      focused: await page.evaluate(() => document.activeElement.className),
    };
    await shot(page, 'add-person-error');
    await audit(page, 'add-person-error');
    await page.fill('#f-nationalRegisterNumber', a.nationalRegisterNumber);
    if (a.email) await page.fill('#f-email', a.email);
    await Promise.all([page.waitForURL(url => /\/people\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'), { timeout: 15000 }),
      page.click('#add-person button[type=submit]')]);
    await settled(page);
    out.person = await screen(page);
    await page.click('#grant-link');
    await settled(page);
    await page.selectOption('#f-application', a.application);
    await page.waitForSelector('#f-right');
    await page.selectOption('#f-right', a.right);
    await page.waitForSelector('#right-limits .summary-list');
    out.limits = await text(page, '#right-limits');
    await page.fill('#f-validTo', a.validTo);
    await page.fill('#f-reason', a.reason);
    await shot(page, 'grant');
    await audit(page, 'grant');
    await Promise.all([page.waitForURL(url => url.search.includes('granted='), { timeout: 15000 }), page.click('#grant button[type=submit]')]);
    await settled(page);
    out.granted = await screen(page);
    out.personUrl = new URL(page.url()).pathname;
    await shot(page, 'person');
    await auditBoth(page, 'person');
  },

  /** Opens one request's decision by its URL, and tries to decide it; reports what the page said. */
  async decide(page) {
    await open(page, 'requests');
    out.inbox = await screen(page);
    out.inboxIds = await page.$$eval('[data-request]', forms => forms.map(form => form.dataset.request));
    const form = await page.$(`[data-request="${a.requestId}"]`);
    if (form) {
      await page.fill(`#reason-${a.requestId}`, a.reason);
      await page.click(`[data-request="${a.requestId}"] button[name=${a.decision}]`);
      await page.waitForFunction(() => document.querySelector('.error-summary') || location.search.includes('decided='), null, { timeout: 15000 });
      await settled(page);
      out.after = await screen(page);
      out.problem = await page.$('.error-summary') ? await text(page, '.error-summary') : null;
    }
    await shot(page, `requests-${a.username.split('.')[0]}`);
    await auditBoth(page, 'requests');
  },

  /** Opens the given routes one after the other and reports each screen. */
  async visit(page) {
    out.screens = {};
    for (const [name, route] of Object.entries(a.routes)) {
      const started = Date.now();
      await open(page, route);
      out.timings[name] = { shownMs: Date.now() - started, ...(await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return { domInteractive: Math.round(nav.domInteractive) };
      })) };
      out.screens[name] = await screen(page);
      if (a.audit) await auditBoth(page, name);
      await shot(page, name);
    }
  },

  /** A head administrator appoints a local administrator by national register number. */
  async appoint(page) {
    await open(page, `organisations/${a.organisation}/administrators`);
    await auditBoth(page, 'administrators');
    await page.fill('#f-nationalRegisterNumber', a.nationalRegisterNumber);
    await page.check('#f-role-0');
    await page.click('#appoint button[type=submit]');
    await page.waitForFunction(() => document.querySelector('.error-summary') || location.search.includes('done='), null, { timeout: 15000 });
    await settled(page);
    out.after = await screen(page);
    await shot(page, 'administrators');
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
