// Headless Debian chromium, as CI and this machine have it (playwright-core never downloads a browser),
// and a loopback HTTP server standing in for the application's callback (OIDC) or ACS (SAML).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export async function withBrowser(locale, work) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toegang-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, locale,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** A callback server on a free loopback port; {url, received: Promise<{url, body}>, close()}. */
export async function callbackServer() {
  let resolve;
  const received = new Promise(r => { resolve = r; });
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', chunk => { body += chunk; });
    request.on('end', () => {
      response.end('received');
      resolve({ url: new URL(request.url, 'http://127.0.0.1'), body });
    });
  });
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, received, close: () => server.close() };
}

async function submit(page, action, callbackPrefix) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
  // A SAML response travels in a self-submitting form: let it reach the ACS first.
  for (let i = 0; i < 100 && !page.url().startsWith(callbackPrefix); i++) {
    try {
      if (!(await page.$('input[name=SAMLResponse]'))) {
        return;
      }
    } catch (navigating) {
      // the form is being submitted
    }
    await page.waitForTimeout(100);
  }
}

/**
 * Types the credentials, handles the capacity step (choosing by keyboard), and reports what the
 * pages showed: {chooser?, chooserLabels?, page?, reason?, text?, lang?}.
 */
export async function signIn(page, { username, password, choose }, callbackPrefix) {
  const out = {};
  await page.fill('#username', username);
  await page.fill('#password', password);
  await submit(page, () => page.click('#kc-login'), callbackPrefix);
  if (!page.url().startsWith(callbackPrefix) && await page.$('#toegang-capacity')) {
    out.chooser = await page.$$eval('input[name=capacity]', inputs => inputs.map(i => i.value));
    out.chooserLabels = await page.$$eval('#toegang-capacity label', labels => labels.map(l => l.textContent.trim()));
    out.lang = await page.getAttribute('html', 'lang');
    if (choose) {
      // by keyboard, as a person without a mouse would: focus the option, select it, press Enter
      await page.focus(`input[name=capacity][value="${choose}"]`);
      await page.keyboard.press('Space');
      await submit(page, () => page.keyboard.press('Enter'), callbackPrefix);
    }
  }
  if (!page.url().startsWith(callbackPrefix)) {
    for (const id of ['toegang-refused', 'toegang-error']) {
      if (await page.$('#' + id)) {
        out.page = id;
        out.reason = await page.getAttribute('#toegang-reason', 'data-reason');
        out.text = (await page.textContent('#' + id)).replace(/\s+/g, ' ').trim();
        out.lang = await page.getAttribute('html', 'lang');
      }
    }
    if (!out.page && !(out.chooser && !choose)) {
      out.page = 'unexpected';
      out.text = (await page.textContent('body')).replace(/\s+/g, ' ').trim().substring(0, 400);
    }
  }
  return out;
}
