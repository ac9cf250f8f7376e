// Client-side routes below the portal's base path; each screen returns {title, content}.
import * as home from './screens/home.js';
import * as organisation from './screens/organisation.js';
import * as person from './screens/person.js';
import * as grant from './screens/grant.js';
import * as requests from './screens/requests.js';
import * as bulk from './screens/bulk.js';
import * as reports from './screens/reports.js';
import * as owner from './screens/owner.js';
import * as central from './screens/central.js';
import * as ask from './screens/ask.js';
import * as join from './screens/join.js';

export const routes = [
  { path: '', screen: home.render },
  { path: 'ask', screen: ask.render },
  { path: 'join', screen: join.render },
  { path: 'requests', screen: requests.render },
  // what the page says when the API refuses: who may decide a request, nothing about this one
  { path: 'requests/:id', screen: requests.one, refusal: 'request' },
  { path: 'applications', screen: owner.list },
  { path: 'applications/:client', screen: owner.render },
  { path: 'central', screen: central.render },
  { path: 'organisations/:key', screen: organisation.render },
  { path: 'organisations/:key/people/new', screen: person.add },
  { path: 'organisations/:key/people/:id', screen: person.render },
  { path: 'organisations/:key/people/:id/grant', screen: grant.render },
  { path: 'organisations/:key/extend', screen: bulk.extend },
  { path: 'organisations/:key/compare', screen: bulk.compare },
  { path: 'organisations/:key/reports', screen: reports.render },
  { path: 'organisations/:key/audit', screen: reports.audit },
  { path: 'organisations/:key/administrators', screen: organisation.administrators },
];
