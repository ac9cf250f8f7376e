package org.toegang.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.EntryValidator;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToegangSchemaTest {
    private static final String ARC = "2.25.79486625956951213088016946279557766428.";
    private final ToegangSchema toegang = ToegangSchema.load();

    @Test
    void everyDefinitionHasAnOidUnderTheToegangArc() {
        // at least the first release's definitions; features add theirs (OIDs assigned per feature)
        assertThat(toegang.attributeTypes()).hasSizeGreaterThanOrEqualTo(28)
                .extracting(AttributeTypeDefinition::getOID).doesNotHaveDuplicates();
        assertThat(toegang.attributeTypes())
                .allSatisfy(type -> assertThat(type.getOID()).startsWith(ARC + "1."));
        assertThat(toegang.objectClasses()).hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(objectClass -> assertThat(objectClass.getOID()).startsWith(ARC + "2."));
    }

    @Test
    void validityAttributesOrderSoThatActiveNowIsAnLdapFilter() {
        for (String name : List.of("toegangValidFrom", "toegangValidTo")) {
            AttributeTypeDefinition type = attributeType(name);
            assertThat(type.getSyntaxOID()).isEqualTo("1.3.6.1.4.1.1466.115.121.1.24");
            assertThat(type.getOrderingMatchingRule()).isEqualTo("generalizedTimeOrderingMatch");
        }
    }

    @Test
    void everyIndexedAttributeIsDefined() throws Exception {
        Schema schema = fullSchema();
        assertThat(ToegangSchema.INDEXED_ATTRIBUTES)
                .allSatisfy(name -> assertThat(schema.getAttributeType(name)).as(name).isNotNull());
    }

    @Test
    void everyDemoEntryConformsToTheStandardAndToegangSchemas() throws Exception {
        EntryValidator validator = new EntryValidator(fullSchema());
        List<Entry> entries = demoEntries();
        assertThat(entries).hasSizeGreaterThan(30);
        for (Entry entry : entries) {
            List<String> reasons = new ArrayList<>();
            assertThat(validator.entryIsValid(entry, reasons)).as(entry.getDN() + ": " + reasons).isTrue();
        }
    }

    @Test
    void demoDatesAreResolvedAgainstTheMomentOfLoading() throws Exception {
        Instant moment = Instant.parse("2026-03-10T12:00:00Z");
        Entry bartsEndedRight = demoEntries(moment).stream()
                .filter(entry -> entry.getDN().startsWith("toegangId=a0a567c9")).findFirst().orElseThrow();
        assertThat(bartsEndedRight.getAttributeValue("toegangValidTo")).isEqualTo("20260309120000Z");
        assertThat(DemoData.ldif(moment)).doesNotContain("{{");
    }

    private AttributeTypeDefinition attributeType(String name) {
        return toegang.attributeTypes().stream().filter(type -> type.hasNameOrOID(name)).findFirst().orElseThrow();
    }

    private Schema fullSchema() throws Exception {
        return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), new Schema(toegang.subschemaEntry()));
    }

    static List<Entry> demoEntries() throws Exception {
        return demoEntries(Instant.now());
    }

    static List<Entry> demoEntries(Instant moment) throws Exception {
        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(
                new ByteArrayInputStream(DemoData.ldif(moment).getBytes(StandardCharsets.UTF_8)))) {
            for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
