package org.toegang.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo data of CONTRACT.md as LDIF, with its relative dates resolved against a moment
 * (the moment of loading), so that "ended yesterday" and "pending" stay true.
 */
public final class DemoData {
    /** Classpath location of the demo LDIF template. */
    public static final String RESOURCE = "/org/toegang/directory/demo-data.ldif";
    /** Password of every demo person. */
    public static final String PASSWORD = "Demo-Toegang-1";

    private static final Pattern RELATIVE_DATE = Pattern.compile("\\{\\{now(?:([+-])(\\d+)d)?}}");
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private DemoData() {
    }

    /** The demo LDIF with every {@code {{now±Nd}}} replaced by a GeneralizedTime relative to {@code now}. */
    public static String ldif(Instant now) {
        Instant base = now.truncatedTo(ChronoUnit.SECONDS);
        Matcher matcher = RELATIVE_DATE.matcher(template());
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            long days = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
            Instant moment = "-".equals(matcher.group(1)) ? base.minus(days, ChronoUnit.DAYS)
                    : base.plus(days, ChronoUnit.DAYS);
            matcher.appendReplacement(resolved, GENERALIZED_TIME.format(moment));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private static String template() {
        try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
