package org.toegang.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code toegang} command in this JVM, with what it printed. */
record LauncherRun(int exitCode, String out, String err) {
    static LauncherRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Toegang.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new LauncherRun(exitCode, out.toString(), err.toString());
    }

    /** Everything printed, for checks such as "no stack trace". */
    String printed() {
        return out + err;
    }
}
