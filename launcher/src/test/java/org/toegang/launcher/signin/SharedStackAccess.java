package org.toegang.launcher.signin;

import java.net.URI;
import java.util.Objects;

import org.toegang.launcher.DirectoryAccess;
import org.toegang.launcher.RunningToegang;

/** The stack of the launcher's shared fixture, as these tests (and their helpers) need it. */
final class SharedStackAccess {
    private static RunningToegang toegang;

    private SharedStackAccess() {
    }

    static void use(RunningToegang running) {
        toegang = Objects.requireNonNull(running, "running");
    }

    static URI keycloakUrl() {
        return toegang.keycloakUrl();
    }

    static URI realmUrl() {
        return toegang.realmUrl();
    }

    static DirectoryGrants directoryGrants() {
        DirectoryAccess directory = toegang.directory();
        return new DirectoryGrants(directory.url(), directory.bindDn(), directory.password());
    }
}
