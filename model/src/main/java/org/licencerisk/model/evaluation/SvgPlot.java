package org.licencerisk.model.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG plot of the unit square (both axes 0 to 1), as the ROC, precision–recall and calibration plots
 * need: no scripts, fonts or external references, every text escaped. The y axis may be stretched to another
 * top value ({@link #yMax}) for shares and indices that stay well below 1 or go above it. Used by the evaluation
 * and the drift reports.
 */
public final class SvgPlot {

    private static final int WIDTH = 460;
    private static final int LEFT = 56;
    private static final int TOP = 30;
    private static final int SIZE = 320;
    private static final int LEGEND_LINE = 18;
    private static final int LEGEND_LEFT = 8;
    private static final String REFERENCE_COLOUR = "#888888";

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final StringBuilder layers = new StringBuilder();
    private final List<String> legend = new ArrayList<>();
    private double yMax = 1.0;
    private double xMax = 1.0;

    /** Starts a plot with a title and axis labels; all text is escaped when rendered. */
    public SvgPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * Sets the top of the y axis in data units (1 by default); call it before adding layers.
     *
     * @throws IllegalArgumentException if {@code max} is not a positive finite number
     */
    public SvgPlot yMax(double max) {
        if (!(max > 0 && Double.isFinite(max))) {
            throw new IllegalArgumentException("The top of a plot's y axis must be a positive number, found " + max + ".");
        }
        this.yMax = max;
        return this;
    }

    /**
     * Sets the right end of the x axis in data units (1 by default); call it before adding layers.
     *
     * @throws IllegalArgumentException if {@code max} is not a positive finite number
     */
    public SvgPlot xMax(double max) {
        if (!(max > 0 && Double.isFinite(max))) {
            throw new IllegalArgumentException("The end of a plot's x axis must be a positive number, found " + max + ".");
        }
        this.xMax = max;
        return this;
    }

    /** Adds a dashed grey reference line, e.g. the diagonal or the base rate, between two data points. */
    public SvgPlot reference(double x1, double y1, double x2, double y2, String label) {
        layers.append("<line class=\"reference\" x1=\"").append(x(x1)).append("\" y1=\"").append(y(y1))
                .append("\" x2=\"").append(x(x2)).append("\" y2=\"").append(y(y2)).append("\" stroke=\"")
                .append(REFERENCE_COLOUR).append("\"/>\n");
        legend.add(legendEntry(REFERENCE_COLOUR, "reference", label));
        return this;
    }

    /** Adds a line through data points given as {x, y} pairs. */
    public SvgPlot line(List<double[]> points, String colour, String label) {
        layers.append("<polyline class=\"series\" stroke=\"").append(colour).append("\" points=\"");
        for (double[] p : points) {
            layers.append(x(p[0])).append(',').append(y(p[1])).append(' ');
        }
        layers.append("\"/>\n");
        legend.add(legendEntry(colour, "series", label));
        return this;
    }

    /** Adds a legend entry without drawing anything, e.g. for the colour of a series of bars. */
    public SvgPlot key(String colour, String label) {
        legend.add(legendEntry(colour, "series", label));
        return this;
    }

    /** Adds circular markers at data points given as {x, y} pairs, each with a tooltip. */
    public SvgPlot markers(List<double[]> points, List<String> tooltips, String colour) {
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            layers.append("<circle cx=\"").append(x(p[0])).append("\" cy=\"").append(y(p[1]))
                    .append("\" r=\"4\" fill=\"").append(colour).append("\"><title>")
                    .append(Formats.html(tooltips.get(i))).append("</title></circle>\n");
        }
        return this;
    }

    /**
     * Adds a bar from {@code left} to {@code right} rising from 0 to {@code height} (data units), with a tooltip and,
     * when {@code label} is not null, a small label above it.
     */
    public SvgPlot bar(double left, double right, double height, String colour, String tooltip, String label) {
        layers.append("<rect class=\"bar\" x=\"").append(x(left)).append("\" y=\"").append(y(height))
                .append("\" width=\"").append(format((right - left) / xMax * SIZE)).append("\" height=\"")
                .append(format(height / yMax * SIZE)).append("\" fill=\"").append(colour).append("\"><title>")
                .append(Formats.html(tooltip)).append("</title></rect>\n");
        if (label != null) {
            layers.append("<text class=\"bar-label\" x=\"").append(x((left + right) / 2)).append("\" y=\"")
                    .append(format(TOP + (1 - height / yMax) * SIZE - 3)).append("\" text-anchor=\"middle\">")
                    .append(Formats.html(label)).append("</text>\n");
        }
        return this;
    }

    /** Returns the SVG element. */
    public String render() {
        int height = TOP + SIZE + 50 + LEGEND_LINE * legend.size();
        StringBuilder svg = new StringBuilder(4096 + layers.length());
        svg.append("<svg class=\"plot\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Formats.html(title)).append("\">\n")
                .append("<title>").append(Formats.html(title)).append("</title>\n")
                .append("<text class=\"plot-title\" x=\"").append(LEFT + SIZE / 2).append("\" y=\"18\" ")
                .append("text-anchor=\"middle\">").append(Formats.html(title)).append("</text>\n")
                .append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(SIZE).append("\" height=\"").append(SIZE).append("\"/>\n");
        for (int t = 0; t <= 5; t++) {
            double v = t / 5.0;
            String tick = String.format(Locale.ROOT, xMax >= 1 ? "%.1f" : "%.3f", v * xMax);
            String yTick = String.format(Locale.ROOT, yMax >= 1 ? "%.1f" : yMax >= 0.1 ? "%.2f" : "%.3f", v * yMax);
            svg.append("<line class=\"grid\" x1=\"").append(x(v * xMax)).append("\" y1=\"").append(TOP)
                    .append("\" x2=\"").append(x(v * xMax)).append("\" y2=\"").append(TOP + SIZE).append("\"/>\n")
                    .append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(y(v * yMax))
                    .append("\" x2=\"").append(LEFT + SIZE).append("\" y2=\"").append(y(v * yMax)).append("\"/>\n")
                    .append("<text class=\"tick\" x=\"").append(x(v * xMax)).append("\" y=\"").append(TOP + SIZE + 14)
                    .append("\" text-anchor=\"middle\">").append(tick).append("</text>\n")
                    .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"")
                    .append(format(TOP + (1 - v) * SIZE + 4)).append("\" text-anchor=\"end\">").append(yTick)
                    .append("</text>\n");
        }
        svg.append("<text class=\"axis\" x=\"").append(LEFT + SIZE / 2).append("\" y=\"").append(TOP + SIZE + 32)
                .append("\" text-anchor=\"middle\">").append(Formats.html(xLabel)).append("</text>\n")
                .append("<text class=\"axis\" transform=\"translate(16 ").append(TOP + SIZE / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Formats.html(yLabel)).append("</text>\n")
                .append("<g class=\"layers\">\n").append(layers).append("</g>\n");
        for (int i = 0; i < legend.size(); i++) {
            svg.append("<g transform=\"translate(").append(LEGEND_LEFT).append(' ')
                    .append(TOP + SIZE + 46 + LEGEND_LINE * i).append(")\">").append(legend.get(i)).append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String legendEntry(String colour, String cssClass, String label) {
        return "<line class=\"" + cssClass + "\" x1=\"0\" y1=\"0\" x2=\"24\" y2=\"0\" stroke=\"" + colour + "\"/>"
                + "<text class=\"legend\" x=\"30\" y=\"4\">" + Formats.html(label) + "</text>";
    }

    private String x(double v) {
        return format(LEFT + v / xMax * SIZE);
    }

    private String y(double v) {
        return format(TOP + (1 - v / yMax) * SIZE);
    }

    private static String format(double pixels) {
        return String.format(Locale.ROOT, "%.2f", pixels);
    }
}
