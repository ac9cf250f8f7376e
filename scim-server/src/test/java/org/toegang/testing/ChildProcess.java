package org.toegang.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a child program (Node, npm, a browser) for a test and holds it to a time limit. Its output
 * is read on a thread of its own while this one waits with the limit: reading first and waiting
 * after would hang the build as long as a hung child keeps its output open. A child that runs
 * over the limit is killed with everything it started (a browser under Node, say).
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /**
     * Runs {@code command} in {@code directory} and returns what it printed on standard output.
     *
     * @throws IllegalStateException when it cannot start, runs over {@code limit}, or exits with a
     *     code other than 0; the message holds its output and error output
     */
    public static String run(List<String> command, Path directory, Duration limit) {
        String name = String.join(" ", command.subList(0, Math.min(2, command.size())));
        Path errors = null;
        Process process = null;
        try {
            errors = Files.createTempFile("toegang-child", ".err");
            process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectError(errors.toFile())
                    .start();
            CompletableFuture<byte[]> out = readAll(process.getInputStream());
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new IllegalStateException(name + " ran over its limit of " + limit.toSeconds()
                        + " s and was killed: " + printed(out) + Files.readString(errors));
            }
            String printed = new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed (exit code " + process.exitValue() + "): "
                        + printed + Files.readString(errors));
            }
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new IllegalStateException(name + ": its output could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static CompletableFuture<byte[]> readAll(InputStream in) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (in) {
                in.transferTo(bytes);
                result.complete(bytes.toByteArray());
            } catch (IOException e) {
                // the pipe closes when the child is killed: keep what was read
                result.complete(bytes.toByteArray());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static String printed(CompletableFuture<byte[]> out) {
        try {
            return new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "(output unreadable) ";
        }
    }

    /** Kills the child and its descendants, children first, and waits briefly for them to go. */
    private static void kill(Process process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle descendant : descendants) {
                descendant.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported by the caller's exception; nothing more to do here
        }
    }
}
