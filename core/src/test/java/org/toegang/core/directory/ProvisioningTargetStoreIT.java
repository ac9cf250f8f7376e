package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.provisioning.Secret;
import org.toegang.core.provisioning.TargetConfig;

/** Registered provisioning targets on the embedded directory, with the published schema. */
class ProvisioningTargetStoreIT {
    @TempDir
    static Path data;
    private static DemoDirectory demo;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start(data);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void storesEveryFieldOfATargetAndGuardsChangesByRevision() {
        ProvisioningTargetStore store = new ProvisioningTargetStore(demo.directory());
        TargetConfig credentials = new TargetConfig("dv_loket", "dv_loket", URI.create("https://loket.example.org/scim/v2/"),
                new TargetConfig.ClientCredentials(URI.create("https://idp.example.org/token"), "provisioner",
                        Secret.of("s3cret"), Optional.of("scim:write")),
                TargetConfig.RightsAs.ENTITLEMENTS, true, TargetConfig.Deprovision.DELETE, TargetConfig.DEFAULT_MAX_ATTEMPTS);
        assertThat(store.target("dv_loket")).isEmpty();

        Versioned<TargetConfig> stored = store.put(credentials, false, Optional.empty());
        Versioned<TargetConfig> read = store.target("dv_loket").orElseThrow();
        assertThat(read.value()).isEqualTo(credentials);
        assertThat(read.value().authentication().secret().reveal()).isEqualTo("s3cret");
        assertThat(read.revision()).isEqualTo(stored.revision());
        assertThat(store.targets()).containsExactly(credentials);
        assertThatThrownBy(() -> store.put(credentials, false, Optional.empty()))
                .as("a second target of the application").isInstanceOf(StoreConflictException.class);

        TargetConfig bearer = new TargetConfig("dv_loket", "dv_loket", URI.create("http://127.0.0.1:9/scim/"),
                new TargetConfig.Bearer(Secret.of("t0ken")), TargetConfig.RightsAs.NONE, false,
                TargetConfig.Deprovision.DEACTIVATE, TargetConfig.DEFAULT_MAX_ATTEMPTS);
        assertThatThrownBy(() -> store.put(bearer, true, Optional.of("stale"))).isInstanceOf(StoreConflictException.class);
        Versioned<TargetConfig> replaced = store.put(bearer, true, Optional.of(stored.revision()));
        assertThat(store.target("dv_loket").orElseThrow().value())
                .as("the client credentials' endpoint, client id and scope are gone with them").isEqualTo(bearer);
        assertThat(store.target("dv_geoportaal")).as("another application's").isEmpty();

        assertThatThrownBy(() -> store.remove("dv_loket", stored.revision())).isInstanceOf(StoreConflictException.class);
        store.remove("dv_loket", replaced.revision());
        assertThat(store.target("dv_loket")).isEmpty();
        assertThat(store.targets()).isEmpty();
    }

    @Test
    void aTargetNeedsItsApplication() {
        ProvisioningTargetStore store = new ProvisioningTargetStore(demo.directory());
        TargetConfig orphan = new TargetConfig("no_such_app", "no_such_app", URI.create("https://x.example.org/"),
                new TargetConfig.Bearer(Secret.of("t")), TargetConfig.RightsAs.ROLES, false,
                TargetConfig.Deprovision.DEACTIVATE, 1);
        assertThatThrownBy(() -> store.put(orphan, false, Optional.empty())).isInstanceOf(StoreConflictException.class);
    }
}
