// openid-client 6 (a certified relying-party library) as the application: discovery, authorization
// code + PKCE, the browser signs in, then the ID token's claims and userinfo. One JSON line out.
// node rp-openid-client.mjs '{"base","realm","clientId","secret","username","password","scope","choose"?}'
import * as client from 'openid-client';
import { withBrowser, signIn, callbackServer } from './browser.mjs';

const a = JSON.parse(process.argv[2]);
const callback = await callbackServer();
const redirectUri = `${callback.url}/callback`;
const config = await client.discovery(new URL(`${a.base}/realms/${a.realm}`), a.clientId, a.secret, undefined,
  { execute: [client.allowInsecureRequests] });
const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const url = client.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri, scope: a.scope, state,
  code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
});
try {
  const out = await withBrowser(a.locale || 'nl-BE', async page => {
    await page.goto(url.href);
    const result = await signIn(page, a, callback.url);
    if (page.url().startsWith(callback.url)) {
      const received = new URL((await callback.received).url.pathname + (await callback.received).url.search, redirectUri);
      const tokens = await client.authorizationCodeGrant(config, received,
        { pkceCodeVerifier: verifier, expectedState: state });
      const claims = tokens.claims();
      result.idTokenClaims = claims;
      result.userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    }
    return result;
  });
  console.log(JSON.stringify(out));
} finally {
  callback.close();
}
