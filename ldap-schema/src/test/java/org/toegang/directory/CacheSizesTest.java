package org.toegang.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheSizesTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void entriesFillAQuarterOfTheHeapAtFiveKibibytesAnEntry() {
        assertThat(EmbeddedDirectory.entryCacheSize(2048 * MIB)).isEqualTo(104_857);
    }

    @Test
    void neverFewerEntriesThanApacheDsOwnDefault() {
        assertThat(EmbeddedDirectory.entryCacheSize(64 * MIB)).isEqualTo(10_000);
    }

    @Test
    void pagesFillASixteenthOfTheHeapAtFourKibibytesAPage() {
        assertThat(EmbeddedDirectory.recordCacheSize(3072 * MIB)).isEqualTo(49_152);
    }

    @Test
    void neverFewerPagesThanApacheDsOwnDefault() {
        assertThat(EmbeddedDirectory.recordCacheSize(1 * MIB)).isEqualTo(100);
    }

    @Test
    void aHugeHeapStaysWithinAnInt() {
        assertThat(EmbeddedDirectory.entryCacheSize(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(EmbeddedDirectory.recordCacheSize(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }
}
