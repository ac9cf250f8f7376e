// @node-saml/node-saml 5 as the SAML service provider: an SP-initiated, signed AuthnRequest
// (HTTP-Redirect binding, or HTTP-POST with "binding":"post"), the browser signs in, Keycloak POSTs
// the response to the ACS, and node-saml validates it against the certificates of the realm's IdP
// descriptor; with "decrypt":true it decrypts an encrypted assertion with the SP's key. One JSON line out.
// node sp-node-saml.mjs '{"base","realm","entityId","spPrivateKey" (base64 PKCS#1),"username","password",
//                         "choose"?,"binding"?,"decrypt"?}'
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
  callbackUrl: `${acs.url}/saml/acs`, idpCert, privateKey: pem, signatureAlgorithm: 'sha256', digestAlgorithm: 'sha256',
  identifierFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  wantAssertionsSigned: true, wantAuthnResponseSigned: true, validateInResponseTo: 'never',
  acceptedClockSkewMs: 5000,
  authnRequestBinding: a.binding === 'post' ? 'HTTP-POST' : 'HTTP-Redirect',
  // SAML bindings 3.5.4: an HTTP-POST message is base64 only, never DEFLATEd (node-saml's default)
  skipRequestCompression: a.binding === 'post',
  ...(a.decrypt ? { decryptionPvk: pem } : {}),
});
try {
  const out = await withBrowser(a.locale || 'nl-BE', async page => {
    if (a.binding === 'post') {
      // the self-submitting form node-saml makes, with the AuthnRequest signed inside (enveloped)
      const form = await saml.getAuthorizeFormAsync('', undefined, {});
      await page.setContent(form);
      await page.waitForURL(url => url.toString().startsWith(a.base), { waitUntil: 'load' });
    } else {
      await page.goto(await saml.getAuthorizeUrlAsync('', undefined, {}));
    }
    if (!(await page.$('#username'))) {
      // Keycloak refused the AuthnRequest itself (e.g. a bad signature): no login page
      return { page: 'no-login', text: (await page.textContent('body')).replace(/\s+/g, ' ').trim().substring(0, 400) };
    }
    const result = await signIn(page, a, acs.url);
    if (page.url().startsWith(acs.url)) {
      const samlResponse = new URLSearchParams((await acs.received).body).get('SAMLResponse');
      result.samlResponse = samlResponse;
      result.encryptedAssertion = Buffer.from(samlResponse, 'base64').toString('utf8').includes('EncryptedAssertion');
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
