package org.toegang.scim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a benchmark program as an SVG plot: groups of horizontal bars, each group scaled
 * to its own largest value (the groups have different units), every value written beside its bar.
 */
public final class BenchmarkPlot {
    private static final String[] COLOURS = {"#1f6fb4", "#e08a1e", "#3a9a4a", "#8e5ab5"};
    private static final int BAR_WIDTH = 520;

    private final String title;
    private final List<Group> groups = new ArrayList<>();

    public BenchmarkPlot(String title) {
        this.title = title;
    }

    /** One measured value. */
    public record Bar(String label, double value) {
    }

    private record Group(String title, String format, List<Bar> bars) {
    }

    /** @param format how the values are written, such as {@code %.0f} */
    public BenchmarkPlot group(String groupTitle, String format, Bar... bars) {
        groups.add(new Group(groupTitle, format, List.of(bars)));
        return this;
    }

    /** Writes the plot to {@code file} and answers it. */
    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, svg());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String svg() {
        int height = 50 + groups.stream().mapToInt(group -> 30 + 20 * group.bars().size()).sum();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(220 + BAR_WIDTH + 80)
                .append("\" height=\"").append(height).append("\" font-family=\"sans-serif\" font-size=\"13\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                .append("<text x=\"10\" y=\"24\" font-size=\"15\" font-weight=\"bold\">").append(escaped(title))
                .append("</text>\n");
        int y = 50;
        for (Group group : groups) {
            double max = group.bars().stream().mapToDouble(Bar::value).max().orElse(0);
            svg.append("<text x=\"10\" y=\"").append(y + 12).append("\">").append(escaped(group.title())).append("</text>\n");
            y += 18;
            for (int i = 0; i < group.bars().size(); i++) {
                Bar bar = group.bars().get(i);
                int length = max == 0 ? 0 : (int) Math.max(1, Math.round(bar.value() / max * BAR_WIDTH));
                svg.append("<text x=\"10\" y=\"").append(y + 13).append("\">").append(escaped(bar.label())).append("</text>\n")
                        .append("<rect x=\"220\" y=\"").append(y).append("\" width=\"").append(length)
                        .append("\" height=\"16\" fill=\"").append(COLOURS[i % COLOURS.length]).append("\"/>\n")
                        .append("<text x=\"").append(226 + length).append("\" y=\"").append(y + 13).append("\">")
                        .append(String.format(Locale.ROOT, group.format(), bar.value())).append("</text>\n");
                y += 20;
            }
            y += 12;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
