// The capacity chooser as a person sees it, in each of the four languages: signs in once, then asks again
// with ui_locales (single sign-on: the chooser, no password). For each row: the radio and its texts share one
// line (by their bounding boxes) and stay inside the fieldset. Also a targeted sign-in: the username field stays empty. Screenshots go to
// `screenshots` (docs/screenshots). One JSON line out.
// node chooser-layout.mjs '{"base","realm","clientId","username","password","scope","loginHint","screenshots"}'
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { withBrowser, callbackServer } from './browser.mjs';

const a = JSON.parse(process.argv[2]);
const callback = await callbackServer();
fs.mkdirSync(a.screenshots, { recursive: true });

function authorizationUrl(extra) {
  const auth = new URL(`${a.base}/realms/${a.realm}/protocol/openid-connect/auth`);
  const verifier = crypto.randomBytes(32).toString('base64url');
  auth.search = new URLSearchParams({ client_id: a.clientId, response_type: 'code', redirect_uri: `${callback.url}/callback`,
    scope: a.scope, state: crypto.randomBytes(8).toString('hex'),
    code_challenge: crypto.createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
    ...extra });
  return auth.toString();
}

async function rows(page) {
  return page.$$eval('#toegang-capacity .toegang-option', options => options.map(option => {
    const box = element => { const r = element.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
    const radio = option.querySelector('input[type=radio]');
    const texts = [...option.querySelectorAll('label span')];
    return { value: radio.value, radio: box(radio), texts: texts.map(t => ({ text: t.textContent.trim(), box: box(t) })) };
  }));
}

try {
  const out = {};
  await withBrowser('nl-BE', async page => {
    await page.goto(authorizationUrl({ login_hint: a.loginHint }));
    out.targetedUsername = await page.inputValue('#username');
    out.targetedLang = await page.getAttribute('html', 'lang');
    await page.screenshot({ path: path.join(a.screenshots, 'sign-in-targeted.png'), fullPage: true });
  });
  await withBrowser('nl-BE', async page => {
    await page.goto(authorizationUrl({}));
    out.defaultLang = await page.getAttribute('html', 'lang');
    await page.fill('#username', a.username);
    await page.fill('#password', a.password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#kc-login')]);
    // finish this first sign-in (single sign-on starts once the flow completes), then ask again per language
    out.firstChooser = await page.$$eval('input[name=capacity]', inputs => inputs.map(i => i.value));
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#toegang-choose')]);
    out.languages = {};
    for (const locale of ['nl', 'fr', 'de', 'en']) {
      await page.goto(authorizationUrl({ ui_locales: locale }));
      const seen = { lang: await page.getAttribute('html', 'lang'), passwordAsked: !!(await page.$('#password')),
        legend: ((await page.textContent('#toegang-capacity legend')) || '').trim(), rows: await rows(page),
        fieldset: await page.$eval('#toegang-capacity fieldset', f => { const r = f.getBoundingClientRect(); return { left: r.left, right: r.right }; }) };
      // keyboard: Tab reaches the checked radio, an arrow moves the choice
      await page.focus('input[name=capacity]:checked');
      await page.keyboard.press('ArrowDown');
      seen.afterArrow = await page.$eval('input[name=capacity]:checked', input => input.value);
      await page.screenshot({ path: path.join(a.screenshots, `chooser-${locale}.png`), fullPage: true });
      out.languages[locale] = seen;
    }
  });
  console.log(JSON.stringify(out));
} finally {
  callback.close();
}
