package org.toegang.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A child that hangs fails its test within the limit, and nothing it started is left running. */
class ChildProcessTest {
    private static final Path HERE = Path.of(".").toAbsolutePath();

    @Test
    void returnsWhatTheChildPrinted() {
        assertThat(ChildProcess.run(List.of("sh", "-c", "echo one; echo two"), HERE, Duration.ofSeconds(10)))
                .isEqualTo("one\ntwo\n");
    }

    @Test
    void namesTheExitCodeAndTheErrorOutputOfAFailedChild() {
        assertThatThrownBy(() -> ChildProcess.run(List.of("sh", "-c", "echo partial; echo broken >&2; exit 3"), HERE,
                Duration.ofSeconds(10)))
                .hasMessageContaining("exit code 3").hasMessageContaining("partial").hasMessageContaining("broken");
    }

    /**
     * The grandchild keeps standard output open, as a browser under Node does: reading to the end
     * before waiting would block for its whole life. The JUnit timeout stops this test if it hangs.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void killsAHungChildAndWhatItStartedAtTheLimit() {
        String script = "sleep 120 & echo grandchild $!; wait";

        assertThatThrownBy(() -> ChildProcess.run(List.of("sh", "-c", script), HERE, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ran over its limit of 2 s")
                .satisfies(e -> {
                    long grandchild = Long.parseLong(e.getMessage().replaceAll("(?s).*grandchild (\\d+).*", "$1"));
                    assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false))
                            .as("the grandchild %d is gone", grandchild).isFalse();
                });
    }
}
