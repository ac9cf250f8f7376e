package org.toegang.core.directory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Directory reads done ahead of their use, each on a connection of its own, while the caller goes
 * on with the previous batch or asks for the next page: ApacheDS spends about 65 µs of its own on
 * every entry it returns, so a listing or report of an organisation of 10,000 people spends most of
 * its time there, and one connection keeps only one of its threads busy. The threads are shared by
 * every listing and report of a node, so it never uses more than {@value #THREADS} connections for
 * reading ahead at once.
 */
final class ReadAhead {
    static final int THREADS = 3;
    private static final ExecutorService READERS = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "toegang-directory-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    private ReadAhead() {
    }

    static <T> Future<T> submit(Callable<T> read) {
        return READERS.submit(read);
    }

    /** The read's answer; its failure (a directory that is down) as it was thrown. */
    static <T> T take(Future<T> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the directory", e);
        }
    }
}
