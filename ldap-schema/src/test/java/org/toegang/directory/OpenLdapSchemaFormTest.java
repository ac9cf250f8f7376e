package org.toegang.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped OpenLDAP files are generated; they must not drift from the one schema source. */
class OpenLdapSchemaFormTest {
    static final Path SHIPPED = Path.of("openldap");

    @Test
    void shippedSchemaEqualsTheFormGeneratedFromTheSource() throws Exception {
        assertThat(Files.readString(SHIPPED.resolve(OpenLdapSchemaForm.SCHEMA_FILE)))
                .as("regenerate with OpenLdapSchemaForm.main(\"ldap-schema/openldap\")")
                .isEqualTo(OpenLdapSchemaForm.ldif(ToegangSchema.load()));
    }

    @Test
    void shippedIndexesEqualTheIndexedAttributes() throws Exception {
        assertThat(Files.readString(SHIPPED.resolve(OpenLdapSchemaForm.INDEX_FILE)))
                .isEqualTo(OpenLdapSchemaForm.indexLdif(OpenLdapSchemaForm.DEFAULT_DATABASE_DN));
    }
}
