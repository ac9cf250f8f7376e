package org.toegang.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryCacheSizeTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aQuarterOfTheHeapAtFiveKibibytesAnEntry() {
        assertThat(EmbeddedDirectory.entryCacheSize(2048 * MIB)).isEqualTo(104_857);
    }

    @Test
    void neverFewerThanApacheDsOwnDefault() {
        assertThat(EmbeddedDirectory.entryCacheSize(64 * MIB)).isEqualTo(10_000);
    }

    @Test
    void aHugeHeapStaysWithinAnInt() {
        assertThat(EmbeddedDirectory.entryCacheSize(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }
}
