package org.toegang.keycloak.directory;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI through which our providers reach the directory, so one pool serves a Keycloak node. */
public final class ToegangDirectorySpi implements Spi {
    public static final String NAME = "toegang-directory";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return ToegangDirectoryProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return ToegangDirectoryProviderFactory.class;
    }
}
