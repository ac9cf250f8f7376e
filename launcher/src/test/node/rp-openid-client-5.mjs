// openid-client 5 as an existing ACM/IDM application uses it: discovery, authorization code + PKCE, and a
// callback that passes ONLY the code (as many applications do). With RFC 9207 advertised, openid-client 5
// demands `iss` among those parameters; with the realm option off it completes. One JSON line out:
// {tokens?: {claims, userinfo}, error?}.
// node rp-openid-client-5.mjs '{"base","realm","clientId","secret","username","password","scope","choose"?}'
import crypto from 'node:crypto';
import { Issuer, generators } from 'openid-client-5';
import { withBrowser, signIn, callbackServer } from './browser.mjs';

const a = JSON.parse(process.argv[2]);
const callback = await callbackServer();
const redirectUri = `${callback.url}/callback`;
const issuer = await Issuer.discover(`${a.base}/realms/${a.realm}`);
const client = new issuer.Client({ client_id: a.clientId, client_secret: a.secret, redirect_uris: [redirectUri],
  response_types: ['code'] });
const verifier = generators.codeVerifier();
const url = client.authorizationUrl({ scope: a.scope, code_challenge: generators.codeChallenge(verifier),
  code_challenge_method: 'S256' });
try {
  const out = await withBrowser(a.locale || 'nl-BE', async page => {
    await page.goto(url);
    const result = { advertised: issuer.metadata.authorization_response_iss_parameter_supported ?? null };
    Object.assign(result, await signIn(page, a, callback.url));
    if (page.url().startsWith(callback.url)) {
      const code = (await callback.received).url.searchParams.get('code');
      try {
        const tokenSet = await client.callback(redirectUri, { code }, { code_verifier: verifier });
        result.claims = tokenSet.claims();
        result.userinfo = await client.userinfo(tokenSet.access_token);
      } catch (e) {
        result.error = e.message;
      }
    }
    return result;
  });
  console.log(JSON.stringify(out));
} finally {
  callback.close();
}
