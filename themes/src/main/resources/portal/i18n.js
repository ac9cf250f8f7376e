// Message bundles per language (i18n/<lang>.json, all four with the same keys; a test checks it).
// Dutch by default; the choice is remembered in localStorage (a preference, not a secret).
import { portalBase } from './oidc.js';

export const LANGUAGES = ['nl', 'fr', 'de', 'en'];
const KEY = 'toegang.portal.lang';
let messages = {};
let current = 'nl';

export function language() { return current; }

export async function useLanguage(lang) {
  current = LANGUAGES.includes(lang) ? lang : 'nl';
  const response = await fetch(`${portalBase}i18n/${current}.json`, { cache: 'no-cache' });
  messages = await response.json();
  try { localStorage.setItem(KEY, current); } catch (ignored) { /* private mode: not remembered */ }
  document.documentElement.lang = current;
}

export function preferredLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  let kept = null;
  try { kept = localStorage.getItem(KEY); } catch (ignored) { /* none */ }
  return [asked, kept].find(lang => LANGUAGES.includes(lang)) || 'nl';
}

/**
 * The text of key with {name} placeholders filled in; the key itself when missing (visible in tests).
 * With a numeric count, the language's singular form (key.one, as Intl.PluralRules names it: French
 * counts 0 as one) when the bundle has it.
 */
export function t(key, params = {}) {
  const plural = typeof params.count === 'number' ? messages[`${key}.${new Intl.PluralRules(current).select(params.count)}`] : undefined;
  const text = plural !== undefined ? plural : messages[key];
  if (text === undefined) {
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
}

/** The text of key when the bundle has one, else {@code otherwise}: for codes the API may add to. */
export function termOr(key, otherwise) {
  return messages[key] === undefined ? otherwise : messages[key];
}

/** A moment (ISO string) in the current language, date and time of day, or '' when none. */
export function dateTime(value) {
  if (!value) {
    return '';
  }
  const parsed = new Date(value);
  return isNaN(parsed) ? String(value) : parsed.toLocaleString(current + '-BE',
    { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A date (ISO string) in the current language, or '' when none. */
export function date(value) {
  if (!value) {
    return '';
  }
  const parsed = new Date(value);
  return isNaN(parsed) ? String(value)
    : parsed.toLocaleDateString(current + '-BE', { year: 'numeric', month: 'long', day: 'numeric' });
}
