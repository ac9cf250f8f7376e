// One OIDC sign-in (authorization code + PKCE) through the browser flow; prints one JSON line with
// what the pages showed and, when a code came back, the token response.
// node signin.mjs '{"base","realm","clientId","secret","username","password","scope","loginHint"?,"choose"?,"locale"?,"pkce"?}'
import crypto from 'node:crypto';
import { withBrowser, signIn, callbackServer } from './browser.mjs';

const a = JSON.parse(process.argv[2]);
const callback = await callbackServer();
const redirectUri = `${callback.url}/callback`;
const verifier = crypto.randomBytes(32).toString('base64url');
const auth = new URL(`${a.base}/realms/${a.realm}/protocol/openid-connect/auth`);
auth.search = new URLSearchParams({
  client_id: a.clientId, response_type: 'code', redirect_uri: redirectUri, scope: a.scope,
  state: crypto.randomBytes(8).toString('hex'),
  ...(a.pkce === false ? {} : {
    code_challenge: crypto.createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' }),
  ...(a.loginHint ? { login_hint: a.loginHint } : {}),
}).toString();

try {
  const out = await withBrowser(a.locale || 'nl-BE', async page => {
    await page.goto(auth.toString());
    const result = await signIn(page, a, callback.url);
    if (page.url().startsWith(callback.url)) {
      const code = (await callback.received).url.searchParams.get('code');
      const response = await fetch(`${a.base}/realms/${a.realm}/protocol/openid-connect/token`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri,
          client_id: a.clientId, client_secret: a.secret, ...(a.pkce === false ? {} : { code_verifier: verifier }) }),
      });
      result.tokens = await response.json();
    }
    return result;
  });
  console.log(JSON.stringify(out));
} finally {
  callback.close();
}
