#!/usr/bin/env bash
# Fills the build contexts of the images from a build of this repository (run from anywhere):
#   keycloak/providers/   our provider and theme jars (launcher/target/dist/providers)
#   keycloak/realm/       the realm file, every secret a ${VARIABLE} of the container's environment
#   scim-server/lib/      the SCIM server and its runtime libraries
#   openldap/schema/      Toegang's OpenLDAP schema, indexes and syncprov forms
# Then: docker compose -f docker/compose.yaml --env-file docker/example.env up --build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
if [ ! -f launcher/target/classpath.txt ] || [ ! -d launcher/target/dist/providers ]; then
  mvn -B -q package -DskipTests -pl launcher -am
fi
rm -rf "$here/keycloak/providers" "$here/keycloak/realm" "$here/scim-server/lib" "$here/openldap/schema"
mkdir -p "$here/keycloak/providers" "$here/keycloak/realm" "$here/scim-server/lib" "$here/openldap/schema"
cp launcher/target/dist/providers/*.jar "$here/keycloak/providers/"
java -cp "launcher/target/classes:$(cat launcher/target/classpath.txt)" org.toegang.launcher.RealmFile \
  "$here/keycloak/realm/toegang-realm.json"
# the SCIM server runs on the launcher's runtime classpath (a superset: it also holds ApacheDS and
# picocli, which the SCIM server never loads), the sibling modules' jars included
tr ':' '\n' < launcher/target/classpath.txt | while read -r jar; do
  [ -f "$jar" ] && cp "$jar" "$here/scim-server/lib/"
done
cp ldap-schema/openldap/*.ldif "$here/openldap/schema/"
cp THIRD-PARTY.txt LICENSE "$here/scim-server/"
echo "Build contexts ready in $here"
