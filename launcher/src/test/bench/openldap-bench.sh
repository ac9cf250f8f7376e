#!/usr/bin/env bash
# Runs Debian's OpenLDAP slapd with Toegang's shipped schema, indexes and the demo data, on
# loopback only, in the foreground, for RefreshBenchmark (README "Cost per token"):
#   launcher/src/test/bench/openldap-bench.sh [PORT] [--no-syncprov]   (default 3890; Ctrl-C or SIGTERM stops it)
# With the shipped syncprov overlay (toegang-syncprov.ldif) unless --no-syncprov: then OpenLDAP
# reports no changes and Keycloak's rights cache stays off.
# Root DN cn=admin,dc=toegang,dc=local / secret; mdb database in a temp dir removed on exit.
# Needs slapd + ldap-utils and a built ldap-schema (mvn -B -q -DskipTests install).
set -euo pipefail

PORT="${1:-3890}"
SYNCPROV="${2:-}"
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"   # the Toegang folder
SCHEMA_DIR="$HOME_DIR/ldap-schema/openldap"
SCHEMA_JAR="$(ls "$HOME_DIR"/ldap-schema/target/toegang-ldap-schema-*.jar | grep -v -e sources -e javadoc | head -1)"
WORK="$(mktemp -d /tmp/toegang-slapd.XXXXXX)"
SLAPD_PID=""
cleanup() {
  [[ -n "$SLAPD_PID" ]] && kill "$SLAPD_PID" 2>/dev/null && wait "$SLAPD_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 0' INT TERM
mkdir -p "$WORK/slapd.d" "$WORK/db"

cat > "$WORK/config.ldif" <<EOF
dn: cn=config
objectClass: olcGlobal
cn: config

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file:///etc/ldap/schema/core.ldif

include: file:///etc/ldap/schema/cosine.ldif

include: file:///etc/ldap/schema/inetorgperson.ldif

include: file://$SCHEMA_DIR/toegang.ldif

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcDbDirectory: $WORK/db
olcSuffix: dc=toegang,dc=local
olcRootDN: cn=admin,dc=toegang,dc=local
olcRootPW: secret
olcDbIndex: objectClass eq
$(grep '^olcDbIndex:' "$SCHEMA_DIR/toegang-indexes.ldif")

$([[ "$SYNCPROV" == "--no-syncprov" ]] || grep -v '^#' "$SCHEMA_DIR/toegang-syncprov.ldif")
EOF
slapadd -n 0 -F "$WORK/slapd.d" -l "$WORK/config.ldif" -q

# the demo data with its dates resolved against now, as the embedded directory loads it
cat > "$WORK/Demo.java" <<'EOF'
public class Demo {
    public static void main(String[] args) {
        System.out.print("dn: dc=toegang,dc=local\nobjectClass: top\nobjectClass: domain\ndc: toegang\n\n"
                + org.toegang.directory.DemoData.ldif(java.time.Instant.now()));
    }
}
EOF
java -cp "$SCHEMA_JAR" "$WORK/Demo.java" > "$WORK/demo.ldif"
slapadd -n 1 -F "$WORK/slapd.d" -l "$WORK/demo.ldif" -q

slapd -d 0 -h "ldap://127.0.0.1:$PORT/" -F "$WORK/slapd.d" &
SLAPD_PID=$!
echo "slapd (pid $SLAPD_PID) on ldap://127.0.0.1:$PORT, data in $WORK; Ctrl-C stops it and removes $WORK"
wait "$SLAPD_PID"
