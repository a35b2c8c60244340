package org.incidentlearning.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Latency (p50 and p99) against throughput at each concurrency, one line per store: an SVG any browser shows. */
final class Plot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int MARGIN = 60;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private Plot() {
    }

    @SuppressWarnings("unchecked")
    static String latencyAgainstThroughput(Map<String, Object> stores) {
        List<double[]> points = new ArrayList<>();
        stores.values().forEach(figures -> ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                figures).get("ingest")).get("levels")).forEach(level -> points.add(new double[]{
                number(level.get("commandsPerSecond")), number(level.get("p99Ms"))})));
        double maxX = Math.max(1, points.stream().mapToDouble(p -> p[0]).max().orElse(1)) * 1.1;
        double maxY = Math.max(1, points.stream().mapToDouble(p -> p[1]).max().orElse(1)) * 1.1;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                                              + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(line(MARGIN, HEIGHT - MARGIN, WIDTH - 20, HEIGHT - MARGIN, "black", ""));
        svg.append(line(MARGIN, 20, MARGIN, HEIGHT - MARGIN, "black", ""));
        svg.append(text(WIDTH / 2, HEIGHT - 15, "commands/s (concurrency 1, 8, 32)", "middle"));
        svg.append(String.format(Locale.ROOT, "<text x=\"15\" y=\"%d\" transform=\"rotate(-90 15 %d)\" "
                                              + "text-anchor=\"middle\">latency, ms</text>%n", HEIGHT / 2, HEIGHT / 2));
        for (int tick = 0; tick <= 4; tick++) {
            double x = maxX * tick / 4;
            double y = maxY * tick / 4;
            svg.append(text((int) px(x, maxX), HEIGHT - MARGIN + 16, String.format(Locale.ROOT, "%.0f", x),
                    "middle"));
            svg.append(text(MARGIN - 6, (int) py(y, maxY) + 4, String.format(Locale.ROOT, "%.0f", y), "end"));
        }
        int colour = 0;
        int legend = 30;
        for (Map.Entry<String, Object> store : stores.entrySet()) {
            List<Map<String, Object>> levels = (List<Map<String, Object>>) ((Map<String, Object>)
                    ((Map<String, Object>) store.getValue()).get("ingest")).get("levels");
            for (String percentile : List.of("p50Ms", "p99Ms")) {
                String stroke = COLOURS[colour % COLOURS.length];
                String dash = percentile.equals("p50Ms") ? " stroke-dasharray=\"6 4\"" : "";
                StringBuilder path = new StringBuilder();
                for (Map<String, Object> level : levels) {
                    double x = px(number(level.get("commandsPerSecond")), maxX);
                    double y = py(number(level.get(percentile)), maxY);
                    path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                            x, y, stroke));
                }
                svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\"%s/>%n", path,
                        stroke, dash));
                svg.append(line(WIDTH - 190, legend - 4, WIDTH - 165, legend - 4, stroke, dash));
                svg.append(text(WIDTH - 160, legend, store.getKey() + " " + percentile.replace("Ms", ""), "start"));
                legend += 16;
            }
            colour++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double px(double x, double maxX) {
        return MARGIN + x / maxX * (WIDTH - MARGIN - 20);
    }

    private static double py(double y, double maxY) {
        return HEIGHT - MARGIN - y / maxY * (HEIGHT - MARGIN - 20);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    private static String line(int x1, int y1, int x2, int y2, String stroke, String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"%s/>%n", x1, y1,
                x2, y2, stroke, dash);
    }

    private static String text(int x, int y, String text, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>%n", x, y, anchor,
                text);
    }
}
