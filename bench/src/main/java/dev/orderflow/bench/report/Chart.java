package dev.orderflow.bench.report;

import dev.orderflow.bench.baseline.ReplayBaseline;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import javax.imageio.ImageIO;
import java.text.DecimalFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The run's figures as one PNG of six panels: commands (1, 5), replay (3, 5), the long stream (2), the saga's latency (4), memory at its peak and over time (6). */
public final class Chart {

    /** The limit on the standalone's resident memory over the whole bench (scenario 6). */
    public static final int PEAK_RSS_LIMIT_MIB = 768;
    private static final int PANEL_WIDTH = 800;
    private static final int PANEL_HEIGHT = 480;
    private static final Color[] COLORS = {new Color(0x4C72B0), new Color(0xDD8452), new Color(0x55A868),
            new Color(0xC44E52), new Color(0x8172B3), new Color(0x937860)};

    private Chart() {
    }

    public static void write(Path file, List<Figure> figures, Map<String, Object> series, Map<String, Object> memory) {
        System.setProperty("java.awt.headless", "true");
        List<JFreeChart> panels = List.of(commandThroughput(series), replay(series), longStream(series),
                saga(series), peakMemory(figures), rssOverTime(memory));
        BufferedImage image = new BufferedImage(PANEL_WIDTH * 2, PANEL_HEIGHT * 3, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).draw(graphics, new Rectangle2D.Double((i % 2) * PANEL_WIDTH, (i / 2) * PANEL_HEIGHT,
                    PANEL_WIDTH, PANEL_HEIGHT));
        }
        graphics.dispose();
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static JFreeChart commandThroughput(Map<String, Object> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        addCommandRuns(data, map(series.get("orderflow.commandThroughput")), "");
        addCommandRuns(data, map(series.get("axonDefaults.commandThroughput")), ", Axon defaults");
        JFreeChart chart = bars("1 / 5  Commands per second (log scale)", "command, concurrent clients, synchronous_commit",
                "commands/s", data, true);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(4);
        return chart;
    }

    /** One bar per run, grouped by command, clients and setting ({@link CommandRun#group()}). */
    private static void addCommandRuns(DefaultCategoryDataset data, Map<?, ?> runs, String setup) {
        for (Map.Entry<?, ?> entry : runs.entrySet()) {
            CommandRun run = CommandRun.parse(entry.getKey().toString());
            String name = switch (run.way()) {
                case JDBC -> "JDBC insert (baseline)";
                case GATEWAY -> "Command gateway" + setup;
                case HTTP -> "HTTP" + setup;
            };
            data.addValue(number(map(entry.getValue()).get("perSecond")), name, run.group());
        }
    }

    private static JFreeChart replay(Map<String, Object> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        addReplay(data, map(series.get("orderflow.replay")), "Orderflow settings");
        addReplay(data, map(series.get("axonDefaults.replay")), "Axon defaults");
        return bars("3 / 5  Replay of order-history, events per second (log scale)", "", "events/s", data, true);
    }

    private static void addReplay(DefaultCategoryDataset data, Map<?, ?> replay, String setup) {
        if (replay.isEmpty()) {
            return;
        }
        String label = setup + " (" + Format.number(number(replay.get("events"))) + " events)";
        if (replay.get("baseline") instanceof ReplayBaseline.Result baseline) {
            data.addValue(baseline.eventsPerSecond(), "JDBC read + batched upserts (baseline)", label);
        }
        data.addValue(number(replay.get("eventsPerSecond")), "Replay through Axon", label);
        if (replay.get("rebuildSeconds") != null) {
            data.addValue(number(replay.get("events")) / number(replay.get("rebuildSeconds")),
                    "Rebuild beside the live read model", label);
        }
    }

    private static JFreeChart longStream(Map<String, Object> series) {
        Map<?, ?> stream = map(series.get("orderflow.longStream"));
        XYSeries line = new XYSeries("mean per block of commands");
        if (!stream.isEmpty()) {
            int blockSize = (int) number(stream.get("blockSize"));
            List<?> means = (List<?>) stream.get("blockMeansMs");
            for (int block = 0; block < means.size(); block++) {
                line.add((block + 1) * blockSize, number(means.get(block)));
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart("2  Time per command as one aggregate's stream grows",
                "commands on the aggregate so far", "ms per command", new XYSeriesCollection(line),
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        style(chart);
        plot.getRenderer().setSeriesPaint(0, COLORS[0]);
        return chart;
    }

    private static JFreeChart saga(Map<String, Object> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<?, ?> saga = map(series.get("orderflow.saga"));
        if (!saga.isEmpty()) {
            if (saga.get("latency") instanceof Latencies measured && saga.get("baselineLatency") instanceof Latencies base) {
                addPercentiles(data, base, "JDBC chain of the same appends (baseline)");
                addPercentiles(data, measured, "Saga: POST answered → CONFIRMED on GET"
                        + (saga.get("instances") instanceof Integer instances ? ", " + instances + " instances" : ""));
            }
        }
        return bars("4  Order latency through the saga (log scale)", "", "ms", data, true);
    }

    private static void addPercentiles(DefaultCategoryDataset data, Latencies latencies, String name) {
        data.addValue(latencies.p50Ms(), name, "p50");
        data.addValue(latencies.p90Ms(), name, "p90");
        data.addValue(latencies.p99Ms(), name, "p99");
        data.addValue(latencies.maxMs(), name, "max");
    }

    private static JFreeChart peakMemory(List<Figure> figures) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Figure figure : figures) {
            if (figure.scenario() == 6) {
                String setup = figure.name().substring(figure.name().lastIndexOf(',') + 1).trim();
                data.addValue(figure.baseline(), "RSS when ready (baseline)", setup);
                data.addValue(figure.value(), "Peak RSS (VmHWM)", setup);
            }
        }
        JFreeChart chart = bars("6  Resident memory of the standalone", "", "MiB", data, false);
        chart.getCategoryPlot().addRangeMarker(limit());
        double highest = figures.stream().filter(figure -> figure.scenario() == 6).mapToDouble(Figure::value).max().orElse(0);
        chart.getCategoryPlot().getRangeAxis().setRange(0, memoryAxisTop(highest));
        return chart;
    }

    private static JFreeChart rssOverTime(Map<String, Object> memory) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, Object> entry : memory.entrySet()) {
            String setup = entry.getKey().equals("orderflow") ? "Orderflow settings" : "Axon defaults";
            List<?> lives = entry.getValue() instanceof List<?> list ? list : List.of();
            for (int life = 0; life < lives.size(); life++) {
                XYSeries line = new XYSeries(setup + (lives.size() > 1 ? ", process " + (life + 1) : ""));
                if (map(lives.get(life)).get("rssSamples") instanceof List<?> samples) {
                    for (Object sample : samples) {
                        double[] point = (double[]) sample;
                        line.add(point[0], point[1]);
                    }
                }
                data.addSeries(line);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart("6  Resident memory over the run", "seconds since the process started",
                "MiB", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        chart.getXYPlot().addRangeMarker(limit());
        double highest = data.getSeriesCount() == 0 ? 0 : data.getRangeUpperBound(false);
        chart.getXYPlot().getRangeAxis().setRange(0, memoryAxisTop(Double.isNaN(highest) ? 0 : highest));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            chart.getXYPlot().getRenderer().setSeriesPaint(i, COLORS[i]);
        }
        return chart;
    }

    /** A memory axis reaches above the limit and above the highest value, so both show. */
    static double memoryAxisTop(double highestMiB) {
        return Math.max(PEAK_RSS_LIMIT_MIB, highestMiB) * 1.1;
    }

    /** The limit on the standalone's peak RSS, as a line across a memory panel. */
    private static ValueMarker limit() {
        ValueMarker marker = new ValueMarker(PEAK_RSS_LIMIT_MIB, new Color(0xC44E52), new BasicStroke(1.5f));
        marker.setLabel("limit " + PEAK_RSS_LIMIT_MIB + " MiB");
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return marker;
    }

    private static JFreeChart bars(String title, String category, String value, DefaultCategoryDataset data, boolean log) {
        JFreeChart chart = ChartFactory.createBarChart(title, category, value, data, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        if (log && data.getRowCount() > 0) {
            LogAxis axis = new LogAxis(value);
            axis.setBase(10);
            axis.setSmallestValue(1);
            axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
            plot.setRangeAxis(axis);
        }
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
        }
        style(chart);
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(chart.getTitle().getText(), new Font(Font.SANS_SERIF, Font.BOLD, 15)));
        chart.getPlot().setBackgroundPaint(new Color(0xF4F4F4));
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
