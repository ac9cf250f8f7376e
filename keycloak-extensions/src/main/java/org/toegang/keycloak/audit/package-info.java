/**
 * The audit trail: every login event and admin event of a realm that enables the
 * {@value org.toegang.keycloak.audit.AuditEventListenerProviderFactory#PROVIDER_ID} event listener
 * becomes one structured line on the {@code org.toegang.audit} log category.
 */
package org.toegang.keycloak.audit;
