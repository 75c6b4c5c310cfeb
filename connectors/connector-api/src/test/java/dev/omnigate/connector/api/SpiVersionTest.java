package dev.omnigate.connector.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SpiVersionTest {

    @Test
    void acceptsSameMajorWithOlderOrEqualMinor() {
        assertThat(SpiVersion.isCompatible("1.0", "1.0")).isTrue();
        assertThat(SpiVersion.isCompatible("1.0", "1.3")).isTrue();
    }

    @Test
    void rejectsNewerMinorOtherMajorAndGarbage() {
        assertThat(SpiVersion.isCompatible("1.4", "1.3")).isFalse();
        assertThat(SpiVersion.isCompatible("2.0", "1.9")).isFalse();
        assertThat(SpiVersion.isCompatible("one", "1.0")).isFalse();
        assertThat(SpiVersion.isCompatible(null, "1.0")).isFalse();
    }

    @Test
    void currentIsWellFormed() {
        assertThat(SpiVersion.isCompatible(SpiVersion.CURRENT, SpiVersion.CURRENT)).isTrue();
    }
}
