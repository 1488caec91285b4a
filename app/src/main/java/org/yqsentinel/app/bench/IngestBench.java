package org.yqsentinel.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.files.RawRecordFiles;
import org.yqsentinel.ingest.item.ItemReader;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * {@code yq bench ingest}: the reading path on input built to hurt it, in one thread: HTML nested tens of thousands
 * deep turned into text, and a generated file of crawler records far larger than the heap cut as a stream and read,
 * with the peak heap it took. The numbers of docs/performance.md.
 */
public final class IngestBench {

    private static final Instant SEEN = Instant.parse("2026-11-21T04:00:00Z");

    private final PrintStream out;

    public IngestBench(PrintStream out) {
        this.out = out;
    }

    public void run(long fileMegabytes, long readRecords) throws IOException {
        html();
        cut(fileMegabytes);
        read(readRecords);
    }

    /** Nested HTML of 100 KB and 1 MB, best of three after a warm-up. */
    private void html() {
        TextNormalizer normalizer = new TextNormalizer();
        for (String tag : new String[] {"div", "span", "pre"}) {
            for (int kilobytes : new int[] {100, 1000}) {
                StringBuilder html = new StringBuilder();
                int depth = kilobytes * 1000 / (tag.length() * 2 + 5);
                for (int i = 0; i < depth; i++) {
                    html.append('<').append(tag).append(">x");
                }
                String page = html.toString();
                normalizer.fromHtml(page);
                long best = Long.MAX_VALUE;
                for (int round = 0; round < 3; round++) {
                    long start = System.nanoTime();
                    normalizer.fromHtml(page);
                    best = Math.min(best, System.nanoTime() - start);
                }
                out.printf(Locale.ROOT, "html: <%s> nested %,d deep (%d KB) to text in %.1f ms%n", tag, depth, kilobytes, best / 1e6);
            }
        }
    }

    /** A file of JSON lines larger than the heap, cut as a stream: MB/s and the peak heap. */
    private void cut(long megabytes) throws IOException {
        byte[] line = record("1").getBytes(StandardCharsets.UTF_8);
        long lines = megabytes * 1_000_000 / (line.length + 1);
        resetPeak();
        long start = System.nanoTime();
        long records = RawRecordFiles.read("generated.jsonl", new Repeated(line, lines), false,
                SentinelConfig.Ingest.DEFAULTS.maxRecordBytes(), raw -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "cut: %,d records, %,d MB in %.1f s (%.0f MB/s); peak heap %d MB of %d MB max%n", records,
                megabytes, seconds, megabytes / seconds, peakHeapMegabytes(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Weibo records cut and read into items, one thread. */
    private void read(long count) throws IOException {
        ItemReader reader = new ItemReader();
        byte[] line = record("1").getBytes(StandardCharsets.UTF_8);
        long[] accepted = new long[1];
        RawRecordFiles.read("warm-up", new Repeated(line, 20_000), false, 1 << 20,
                raw -> reader.read(Channel.WEIBO, raw.value(), SEEN));
        resetPeak();
        long start = System.nanoTime();
        RawRecordFiles.read("generated.jsonl", new Repeated(line, count), false, 1 << 20, raw -> {
            if (reader.read(Channel.WEIBO, raw.value(), SEEN) instanceof ParseResult.Accepted<?>) {
                accepted[0]++;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "read: %,d Weibo records into %,d items in %.1f s (%.0f records/s); peak heap %d MB%n", count,
                accepted[0], seconds, count / seconds, peakHeapMegabytes());
    }

    private static String record(String mid) {
        return "{\"mid\":\"" + mid + "\",\"created_at\":\"Fri Nov 20 18:30:00 +0800 2026\",\"text\":\"课后服务收费又涨了，<a href=\\\"/n/x\\\">@江城教育</a>"
                + " 这也叫减负？<img alt=\\\"[怒]\\\" src=\\\"x.png\\\">\",\"reposts_count\":\"1.2万\",\"comments_count\":35,"
                + "\"user\":{\"id\":1234567,\"screen_name\":\"江城小王\",\"followers_count\":\"12万\",\"verified\":false}}";
    }

    private static void resetPeak() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMegabytes() {
        return heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }

    /** The same line, {@code count} times, each ending in a line break: a file as large as wanted, never in memory. */
    private static final class Repeated extends InputStream {
        private final byte[] line;
        private final long total;
        private long at;

        Repeated(byte[] line, long count) {
            this.line = line;
            this.total = count * (line.length + 1);
        }

        @Override
        public int read() {
            return at < total ? byteAt(at++) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - at);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) byteAt(at++);
            }
            return n;
        }

        private int byteAt(long position) {
            int within = (int) (position % (line.length + 1));
            return within == line.length ? '\n' : line[within] & 0xff;
        }
    }
}
