// Switching capacity the ACM/IDM way, in one browser: sign in (choosing a capacity), then the end-session
// endpoint that discovery advertises with switch=true, id_token_hint and post_logout_redirect_uri, then a new
// authorization request. Reports what each step showed. One JSON line out.
// node switch.mjs '{"base","realm","clientId","secret","username","password","scope","choose","chooseAfter"}'
import crypto from 'node:crypto';
import http from 'node:http';
import { withBrowser, signIn } from './browser.mjs';

const a = JSON.parse(process.argv[2]);
const requests = [];
const server = http.createServer((request, response) => { requests.push(request.url); response.end('received'); });
await new Promise(r => server.listen(0, '127.0.0.1', r));
const app = `http://127.0.0.1:${server.address().port}`;
const discovery = await (await fetch(`${a.base}/realms/${a.realm}/.well-known/openid-configuration`)).json();

function authorizationUrl(verifier) {
  const auth = new URL(discovery.authorization_endpoint);
  auth.search = new URLSearchParams({ client_id: a.clientId, response_type: 'code', redirect_uri: `${app}/callback`,
    scope: a.scope, state: crypto.randomBytes(8).toString('hex'),
    code_challenge: crypto.createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' });
  return auth.toString();
}

async function tokens(page, verifier) {
  const code = new URL(page.url()).searchParams.get('code');
  const response = await fetch(discovery.token_endpoint, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: `${app}/callback`,
      client_id: a.clientId, client_secret: a.secret, code_verifier: verifier }) });
  return response.json();
}

try {
  const out = await withBrowser('nl-BE', async page => {
    const result = { endSessionEndpoint: discovery.end_session_endpoint };
    const first = crypto.randomBytes(32).toString('base64url');
    await page.goto(authorizationUrl(first));
    result.first = await signIn(page, a, app);
    result.firstTokens = await tokens(page, first);

    const logout = new URL(discovery.end_session_endpoint);
    logout.search = new URLSearchParams({ switch: 'true', id_token_hint: result.firstTokens.id_token,
      post_logout_redirect_uri: `${app}/switched`, state: 'switch-1' });
    const pages = [];
    page.on('framenavigated', frame => { if (frame === page.mainFrame()) pages.push(frame.url()); });
    const answer = await page.goto(logout.toString());
    result.afterSwitch = page.url();
    if (!result.afterSwitch.startsWith(app)) {
      result.switchAnswer = { status: answer && answer.status(), body: ((await page.textContent('body')) || '').substring(0, 300) };
    }
    result.pagesDuringSwitch = pages.filter(url => !url.startsWith(app));

    const second = crypto.randomBytes(32).toString('base64url');
    await page.goto(authorizationUrl(second));
    result.passwordAsked = !!(await page.$('#password'));
    result.chooser = await page.$$eval('input[name=capacity]', inputs => inputs.map(i => i.value));
    if (a.chooseAfter && result.chooser.length) {
      await page.focus(`input[name=capacity][value="${a.chooseAfter}"]`);
      await page.keyboard.press('Space');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    }
    result.secondTokens = page.url().startsWith(app) ? await tokens(page, second) : null;
    return result;
  });
  console.log(JSON.stringify(out));
} finally {
  server.close();
}
