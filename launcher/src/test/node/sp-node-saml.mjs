// @node-saml/node-saml 5 as the SAML service provider: an SP-initiated, signed AuthnRequest
// (HTTP-Redirect binding), the browser signs in, Keycloak POSTs the response to the ACS, and
// node-saml validates it against the certificates of the realm's IdP descriptor. One JSON line out.
// node sp-node-saml.mjs '{"base","realm","entityId","spPrivateKey" (base64 PKCS#1),"username","password","choose"?}'
import { SAML } from '@node-saml/node-saml';
import { withBrowser, signIn, callbackServer } from './browser.mjs';

const a = JSON.parse(process.argv[2]);
const acs = await callbackServer();
const descriptor = await (await fetch(`${a.base}/realms/${a.realm}/protocol/saml/descriptor`)).text();
const idpCert = [...new Set([...descriptor.matchAll(/<(?:ds:)?X509Certificate>([^<]+)</g)].map(m => m[1].trim()))];
const pem = '-----BEGIN RSA PRIVATE KEY-----\n' + a.spPrivateKey.match(/.{1,64}/g).join('\n')
  + '\n-----END RSA PRIVATE KEY-----\n';
const saml = new SAML({
  entryPoint: `${a.base}/realms/${a.realm}/protocol/saml`, issuer: a.entityId, audience: a.entityId,
  callbackUrl: `${acs.url}/saml/acs`, idpCert, privateKey: pem, signatureAlgorithm: 'sha256',
  identifierFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  wantAssertionsSigned: true, wantAuthnResponseSigned: true, validateInResponseTo: 'never',
  acceptedClockSkewMs: 5000,
});
try {
  const out = await withBrowser(a.locale || 'nl-BE', async page => {
    await page.goto(await saml.getAuthorizeUrlAsync('', undefined, {}));
    const result = await signIn(page, a, acs.url);
    if (page.url().startsWith(acs.url)) {
      const samlResponse = new URLSearchParams((await acs.received).body).get('SAMLResponse');
      result.samlResponse = samlResponse;
      const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
      result.nameIdFormat = profile.nameIDFormat;
      result.attributes = profile.attributes;
    }
    return result;
  });
  console.log(JSON.stringify(out));
} finally {
  acs.close();
}
