#!/bin/sh
# First start: writes cn=config from the environment into /var/lib/toegang/slapd.d, then runs slapd.
#   TOEGANG_LDAP_ROLE           provider | consumer                      (default provider)
#   TOEGANG_LDAP_ADMIN_PASSWORD the root DN's password (required)
#   TOEGANG_LDAP_BASE_DN        default dc=toegang,dc=local
#   TOEGANG_LDAP_PROVIDER_URL   consumer only: the provider, e.g. ldap://ldap-provider:389
#   TOEGANG_LDAP_REPLICA_ID     consumer only: rid, 001..999 (default 001)
#   TOEGANG_LDAP_LISTEN         slapd -h (default "ldap:/// ldapi:///")
# TOEGANG_LDAP_DATA and TOEGANG_LDAP_SCHEMA_DIR move the data and the schema forms (outside an image).
set -eu
: "${TOEGANG_LDAP_ADMIN_PASSWORD:?set TOEGANG_LDAP_ADMIN_PASSWORD}"
role="${TOEGANG_LDAP_ROLE:-provider}"
base="${TOEGANG_LDAP_BASE_DN:-dc=toegang,dc=local}"
admin="cn=admin,$base"
data="${TOEGANG_LDAP_DATA:-/var/lib/toegang}"
schemas="${TOEGANG_LDAP_SCHEMA_DIR:-/opt/toegang/schema}"
if [ ! -d "$data/slapd.d/cn=config" ]; then
  mkdir -p "$data/slapd.d" "$data/db"
  hash="$(slappasswd -s "$TOEGANG_LDAP_ADMIN_PASSWORD")"
  indexes="$(grep '^olcDbIndex:' $schemas/toegang-indexes.ldif)"
  {
    printf 'dn: cn=config\nobjectClass: olcGlobal\ncn: config\n\n'
    printf 'dn: cn=module{0},cn=config\nobjectClass: olcModuleList\ncn: module{0}\nolcModulePath: /usr/lib/ldap\nolcModuleLoad: back_mdb\nolcModuleLoad: syncprov\n\n'
    printf 'dn: cn=schema,cn=config\nobjectClass: olcSchemaConfig\ncn: schema\n\n'
    for schema in core cosine inetorgperson; do printf 'include: file:///etc/ldap/schema/%s.ldif\n\n' "$schema"; done
    printf 'include: file://%s/toegang.ldif\n\n' "$schemas"
    printf 'dn: olcDatabase={1}mdb,cn=config\nobjectClass: olcDatabaseConfig\nobjectClass: olcMdbConfig\nolcDatabase: {1}mdb\n'
    printf 'olcDbDirectory: %s/db\nolcSuffix: %s\nolcRootDN: %s\nolcRootPW: %s\nolcDbMaxSize: 10737418240\n' "$data" "$base" "$admin" "$hash"
    printf 'olcDbIndex: objectClass eq\nolcDbIndex: entryCSN eq\n%s\n' "$indexes"
    if [ "$role" = consumer ]; then
      : "${TOEGANG_LDAP_PROVIDER_URL:?set TOEGANG_LDAP_PROVIDER_URL for a consumer}"
      printf 'olcSyncrepl: rid=%s provider=%s bindmethod=simple binddn="%s" credentials="%s" searchbase="%s" type=refreshAndPersist retry="5 5 60 +" timeout=1\n' \
        "${TOEGANG_LDAP_REPLICA_ID:-001}" "$TOEGANG_LDAP_PROVIDER_URL" "$admin" "$TOEGANG_LDAP_ADMIN_PASSWORD" "$base"
      printf 'olcUpdateRef: %s\n' "$TOEGANG_LDAP_PROVIDER_URL"
    fi
    printf '\n'
    # both roles keep syncprov: a consumer serves Keycloak's change feed (the rights cache) too
    printf 'dn: olcOverlay=syncprov,olcDatabase={1}mdb,cn=config\nobjectClass: olcOverlayConfig\nobjectClass: olcSyncProvConfig\nolcOverlay: syncprov\nolcSpCheckpoint: 100 10\n'
  } > "$data/config.ldif"
  slapadd -n 0 -F "$data/slapd.d" -l "$data/config.ldif"
  rm -f "$data/config.ldif" # it held the consumer's credentials
  if [ "$role" = provider ]; then
    printf 'dn: %s\nobjectClass: top\nobjectClass: domain\ndc: %s\n' "$base" "$(echo "$base" | sed 's/^dc=\([^,]*\).*/\1/')" \
      | slapadd -n 1 -F "$data/slapd.d"
  fi
  chown -R openldap:openldap "$data"
fi
exec slapd -d "${TOEGANG_LDAP_DEBUG:-0}" -u openldap -g openldap -h "${TOEGANG_LDAP_LISTEN:-ldap:/// ldapi:///}" -F "$data/slapd.d"
