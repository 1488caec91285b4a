package org.yqsentinel.app;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a long command is doing, on one line of stderr that is redrawn every second with the time spent: {@code score:
 * running the monitor job over 3,102 records… 0:42}. It is shown only when a person watches: stderr is a terminal
 * ({@code ./yq} tells the JVM with {@code -Dyq.stderr.terminal=true}) and {@code --quiet} was not given; otherwise
 * nothing is printed, so files, pipes and service logs get only the commands' results. The line is cut to the
 * terminal's width ({@code -Dyq.stderr.columns}, 80 when not told). The line is cleared at the
 * end, so the command's own summary follows on a clean line.
 */
public final class Progress implements AutoCloseable {

    private static final String CLEAR_LINE = "\r\033[K";
    private static volatile boolean quiet;

    private final String command;
    private final PrintStream err;
    private final boolean visible;
    private final int columns = Integer.getInteger("yq.stderr.columns", 80);
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private volatile String phase = "";
    private boolean drawn;

    Progress(String command, PrintStream err, boolean visible) {
        this.command = command;
        this.err = err;
        this.visible = visible;
        if (visible) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "yq-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::draw, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    /** Starts showing the progress of {@code command} (e.g. {@code "score"}) on stderr, if a person watches it. */
    public static Progress start(String command) {
        return new Progress(command, System.err, !quiet && Boolean.getBoolean("yq.stderr.terminal"));
    }

    /** {@code --quiet}: no progress for the rest of this process. */
    public static void quiet(boolean on) {
        quiet = on;
    }

    /** What the command does now, e.g. {@code "sending 12,000 of 600,000 records"}: shown at once. */
    public void phase(String text) {
        phase = text;
        draw();
    }

    /**
     * {@code target} (stdout or stderr) for the lines that stay (a step done, a refused record): each write first clears
     * the progress line, which is drawn again below at the next tick. {@code target} itself when nothing is shown.
     */
    public PrintStream above(PrintStream target) {
        if (!visible) {
            return target;
        }
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (Progress.this) {
                    if (drawn) {
                        err.print(CLEAR_LINE);
                        err.flush();
                        drawn = false;
                    }
                    target.write(bytes, offset, length);
                    target.flush();
                }
            }

            @Override
            public void flush() {
                target.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    public boolean visible() {
        return visible;
    }

    private synchronized void draw() {
        if (!visible || ticker.isShutdown()) {
            return;
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String time = String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        err.print(CLEAR_LINE + fit(command + ": " + phase, columns - time.length() - 3) + "… " + time);
        err.flush();
        drawn = true;
    }

    /**
     * The text cut to {@code width} terminal columns (Chinese characters take two): a line that wrapped could not be
     * cleared and drawn again in place.
     */
    static String fit(String text, int width) {
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            used += wide(codePoint) ? 2 : 1;
            if (used > width) {
                return text.substring(0, i);
            }
            i += Character.charCount(codePoint);
        }
        return text;
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && (c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3 || c >= 0xF900 && c <= 0xFAFF
                || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x20000);
    }

    /** Clears the progress line. */
    @Override
    public synchronized void close() {
        if (visible && !ticker.isShutdown()) {
            ticker.shutdownNow();
            if (drawn) {
                err.print(CLEAR_LINE);
                err.flush();
                drawn = false;
            }
        }
    }
}
