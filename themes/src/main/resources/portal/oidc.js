// Sign-in as the realm's public client toegang-portal: OpenID Connect authorization code flow
// with PKCE S256 (RFC 7636), state and nonce (OIDC Core 3.1.2.1, 3.1.3.7). Tokens live only in
// this module's memory: a reload signs in again, silently while Keycloak's SSO session lasts.
// Only the short-lived PKCE verifier, state and nonce of one pending sign-in go to sessionStorage,
// because they must survive the redirect to the login pages and back.
const CLIENT_ID = 'toegang-portal';
const PENDING = 'toegang.portal.pending';
const base = document.querySelector('meta[name="toegang-base"]').content; // /realms/<realm>/portal/
const realmPath = base.replace(/portal\/$/, '').replace(/\/$/, '');
const issuer = location.origin + realmPath;
const endpoint = name => `${issuer}/protocol/openid-connect/${name}`;
export const redirectUri = location.origin + base;

let tokens = null; // {access, refresh, id, claims, expiresAt}
let refreshTimer = null;
let refreshing = null;
const listeners = new Set();

export const portalBase = base;
export const realmUrl = issuer;

/** Called with null when the session ended (refresh refused). */
export function onSessionEnd(listener) { listeners.add(listener); }

export function signedIn() { return tokens !== null; }

/** The ID token's claims of the signed-in person (name, preferred_username, sub). */
export function claims() { return tokens ? tokens.claims : null; }

function b64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function random(n) { return b64url(crypto.getRandomValues(new Uint8Array(n))); }
function payload(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const text = new TextDecoder().decode(Uint8Array.from(atob(part), c => c.charCodeAt(0)));
  return JSON.parse(text);
}

/** Sends the browser to the login pages; comes back to returnTo (a path below the portal). */
export async function signIn({ lang, returnTo, prompt }) {
  const verifier = random(32); // 43 characters, RFC 7636 4.1
  const state = random(16);
  const nonce = random(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, returnTo }));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const url = new URL(endpoint('auth'));
  url.search = new URLSearchParams({
    client_id: CLIENT_ID, response_type: 'code', response_mode: 'query', scope: 'openid profile',
    redirect_uri: redirectUri, state, nonce, code_challenge: challenge, code_challenge_method: 'S256',
    ui_locales: lang, ...(prompt ? { prompt } : {}),
  }).toString();
  location.assign(url.toString());
}

/**
 * Completes a sign-in when the URL carries the authorization response; returns the path to show
 * next, or null when this is no callback. Throws Error('signin:<reason>') on a bad response.
 */
export async function completeSignIn() {
  const url = new URL(location.href);
  if (!url.searchParams.has('state')) {
    return null;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  // the code must not stay in the address bar or the history
  history.replaceState(null, '', base);
  if (!pending || pending.state !== url.searchParams.get('state')) {
    throw new Error('signin:state');
  }
  if (url.searchParams.has('error')) {
    throw new Error('signin:' + url.searchParams.get('error'));
  }
  await tokenRequest({
    grant_type: 'authorization_code', code: url.searchParams.get('code'), redirect_uri: redirectUri,
    client_id: CLIENT_ID, code_verifier: pending.verifier,
  }, pending.nonce);
  return pending.returnTo || base;
}

async function tokenRequest(form, nonce) {
  const response = await fetch(endpoint('token'), {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form), credentials: 'omit', cache: 'no-store',
  });
  if (!response.ok) {
    throw new Error('signin:token');
  }
  const body = await response.json();
  const claims = payload(body.id_token || tokens.id);
  // The ID token came straight from the token endpoint of this origin (OIDC Core 3.1.3.7 item 6):
  // its signature is not checked here; its issuer, audience, expiry and nonce are.
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== issuer || !audience.includes(CLIENT_ID) || claims.exp * 1000 < Date.now()
      || (nonce !== undefined && claims.nonce !== nonce)) {
    throw new Error('signin:id_token');
  }
  tokens = {
    access: body.access_token, refresh: body.refresh_token, id: body.id_token || tokens.id, claims,
    expiresAt: Date.now() + body.expires_in * 1000,
  };
  clearTimeout(refreshTimer);
  // refresh a little before the access token ends, so calls never carry an expired one
  refreshTimer = setTimeout(() => refresh().catch(() => {}), Math.max(5, body.expires_in - 30) * 1000);
}

/** Uses the refresh token; on refusal the session has ended (signed out elsewhere, idle timeout). */
export function refresh() {
  if (!tokens) {
    return Promise.reject(new Error('signin:none'));
  }
  refreshing = refreshing || tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh, client_id: CLIENT_ID })
    .catch(error => {
      tokens = null;
      clearTimeout(refreshTimer);
      listeners.forEach(listener => listener(null));
      throw error;
    })
    .finally(() => { refreshing = null; });
  return refreshing;
}

/** A valid access token, refreshed first when it is about to end. */
export async function accessToken() {
  if (tokens && tokens.expiresAt - Date.now() < 10000) {
    await refresh();
  }
  if (!tokens) {
    throw new Error('signin:none');
  }
  return tokens.access;
}

/** RP-initiated logout (OIDC RP-Initiated Logout 1.0): ends the SSO session, comes back signed out. */
export function signOut(lang) {
  const url = new URL(endpoint('logout'));
  url.search = new URLSearchParams({
    client_id: CLIENT_ID, id_token_hint: tokens ? tokens.id : '', post_logout_redirect_uri: redirectUri + 'signed-out',
    ui_locales: lang,
  }).toString();
  tokens = null;
  clearTimeout(refreshTimer);
  location.assign(url.toString());
}
