#!/usr/bin/env bash
# Runs Debian's OpenLDAP slapd with Toegang's shipped schema, indexes, syncprov overlay and the
# demo data, on loopback only, in the foreground, for RefreshBenchmark (README "Cost per token"):
#   launcher/src/test/bench/openldap-bench.sh [PORT] [--no-syncprov]   (default 3890; Ctrl-C or SIGTERM stops it)
# Without syncprov OpenLDAP reports no changes and Keycloak's rights cache stays off.
# Root DN cn=admin,dc=toegang,dc=local / secret; data in a temp dir removed on exit.
# Needs slapd + ldap-utils and a built ldap-schema (mvn -B -q -DskipTests install).
# The server is org.toegang.directory.OpenLdapServer, the one the tests use.
set -euo pipefail

HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"   # the Toegang folder
cd "$HOME_DIR"
CLASSPATH_FILE="$(mktemp /tmp/toegang-slapd-cp.XXXXXX)"
mvn -B -q -o -f ldap-schema/pom.xml dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
CLASSPATH="ldap-schema/target/classes:$(cat "$CLASSPATH_FILE")"
rm -f "$CLASSPATH_FILE"
java -cp "$CLASSPATH" org.toegang.directory.OpenLdapServer "${1:-3890}" "${2:-}" &
SERVER=$!
# stopping the script stops the server, which then removes its data
trap 'kill -TERM "$SERVER" 2>/dev/null; wait "$SERVER"' INT TERM EXIT
wait "$SERVER"
