package org.yqsentinel.report.brief;

import java.util.List;
import java.util.Locale;

/**
 * Writes one inline SVG chart of a brief: its shapes in user units of a fixed view box, scaled to the page's width by
 * CSS. Text from data is escaped; numbers are written with one decimal in every locale.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    Svg(String id, double width, double height, String title) {
        out.append("<svg id=\"").append(Html.escape(id)).append("\" viewBox=\"0 0 ")
                .append(n(width)).append(' ').append(n(height)).append("\" role=\"img\" aria-label=\"").append(Html.escape(title))
                .append("\">\n<title>").append(Html.escape(title)).append("</title>\n");
    }

    void line(double x1, double y1, double x2, double y2, String stroke, double width, String dashes, String cssClass) {
        out.append("<line class=\"").append(cssClass).append("\" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
                .append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(n(width)).append('"');
        if (dashes != null) {
            out.append(" stroke-dasharray=\"").append(dashes).append('"');
        }
        out.append("/>\n");
    }

    void text(double x, double y, String anchor, String cssClass, String text) {
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(Html.escape(text)).append("</text>\n");
    }

    /** A filled rectangle with a tooltip. */
    void rect(double x, double y, double width, double height, String fill, String cssClass, String tooltip) {
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height)).append("\" fill=\"").append(fill)
                .append("\"><title>").append(Html.escape(tooltip)).append("</title></rect>\n");
    }

    /** A legend's colour square, outside every class a test or a reader counts. */
    void swatch(double x, double y, String fill) {
        out.append("<rect class=\"swatch\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"10\" height=\"10\" fill=\"").append(fill).append("\"/>\n");
    }

    /** A line through the points with a dot on each; nothing for no points. */
    void polyline(List<double[]> points, String stroke, String cssClass, String dashes) {
        if (points.isEmpty()) {
            return;
        }
        out.append("<g class=\"").append(cssClass).append("\">\n<polyline fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"2\"");
        if (dashes != null) {
            out.append(" stroke-dasharray=\"").append(dashes).append('"');
        }
        out.append(" points=\"");
        for (double[] point : points) {
            out.append(n(point[0])).append(',').append(n(point[1])).append(' ');
        }
        out.setLength(out.length() - 1);
        out.append("\"/>\n");
        for (double[] point : points) {
            out.append("<circle cx=\"").append(n(point[0])).append("\" cy=\"").append(n(point[1])).append("\" r=\"2.5\" fill=\"")
                    .append(stroke).append("\"/>\n");
        }
        out.append("</g>\n");
    }

    /** A dashed vertical marker from {@code top} to {@code bottom} with a label at {@code labelY} and a tooltip. */
    void marker(double x, double top, double bottom, String colour, String code, String label, String tooltip, double labelY) {
        out.append("<g class=\"alert-marker\" data-tier=\"").append(Html.escape(code)).append("\">\n<title>")
                .append(Html.escape(tooltip)).append("</title>\n");
        line(x, top, x, bottom, colour, 2, "5 3", "marker-line");
        out.append("<text class=\"marker-label\" x=\"").append(n(x + 3)).append("\" y=\"").append(n(labelY))
                .append("\" fill=\"").append(colour).append("\">").append(Html.escape(label)).append("</text>\n</g>\n");
    }

    String close() {
        return out.append("</svg>\n").toString();
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
