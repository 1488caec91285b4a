package org.yqsentinel.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;
import org.yqsentinel.app.Progress;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.RawPublisher;
import org.yqsentinel.ingest.files.RawRecordFiles;
import org.yqsentinel.ingest.files.RawRecordFiles.RawLine;
import org.yqsentinel.ingest.item.ItemReader;
import org.yqsentinel.ingest.normalize.Times;
import org.yqsentinel.ingest.policy.PolicyReader;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq ingest}: sends crawler files to the raw topics byte for byte, or with {@code --check} reads
 * them here, without Kafka, into canonical records (stdout) and reasons for what is refused (stderr). Files
 * are read as streams, a batch at a time, so their size does not matter; a file that cannot be read is
 * reported and the others still go.
 */
@Command(name = "ingest", description = "Send crawler records (JSON lines, JSON arrays, policy pages) to the raw topics,"
        + " or check them with --check.",
        footer = {"", "Exit codes: 0 every record read (or sent); 3 some records refused (each named on stderr, the others"
                + " read or sent); 2 an error to fix (a file that cannot be opened, a wrong option, Kafka unreachable);"
                + " 1 a failure of yq itself."})
public final class IngestCommand implements Callable<Integer> {

    /** Some records were refused, the others read or sent. */
    static final int SOME_REFUSED = 3;
    private static final int BATCH = 500;

    @ParentCommand
    Yq yq;

    @Option(names = "--channel", required = true, paramLabel = "news|weibo|wechat|policy", description = "Which raw topic the records belong to.")
    String channel;

    @Option(names = "--check", description = "Do not send: print canonical records as JSON lines, one 'file:line: reason' per refused record on stderr, and 'accepted N, rejected M'.")
    boolean check;

    @Option(names = "--crawled-at", paramLabel = "TIME", description = "With --check: when the records were crawled, for relative times and the future-time check (default: now).")
    String crawledAt;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to read; - reads standard input.")
    List<String> files;

    @Override
    public Integer call() {
        boolean policy = channel.equals("policy");
        Channel itemChannel = policy ? null : channelOf(channel);
        SentinelConfig config = yq.config();
        try (Progress progress = Progress.start("ingest")) {
            Tally tally = new Tally(progress, check ? "read" : "sent");
            if (check) {
                Instant seenAt = crawledAt == null ? Instant.now() : Times.parse(crawledAt, null, "--crawled-at");
                Checker checker = new Checker(itemChannel, config.ingest(), seenAt, tally);
                forEachFile(policy, config.ingest(), tally, checker::check);
                checker.out.flush();
                progress.close();
                System.err.println("accepted " + tally.accepted + ", rejected " + tally.rejected + unreadable(tally));
            } else {
                String topic = itemChannel == null ? config.names().rawPolicyTopic() : config.names().rawTopic(itemChannel);
                try (Sender sender = new Sender(config, topic, tally)) {
                    forEachFile(policy, config.ingest(), tally, sender::add);
                }
                progress.close();
                System.out.println("sent " + tally.accepted + " records to " + topic + " from " + (files.size() - tally.unreadableFiles)
                        + " file" + (files.size() - tally.unreadableFiles == 1 ? "" : "s")
                        + (tally.rejected > 0 ? "; " + tally.rejected + " refused here and not sent" : "") + unreadable(tally));
            }
            return tally.unreadableFiles > 0 ? 2 : tally.rejected > 0 ? SOME_REFUSED : 0;
        }
    }

    private void forEachFile(boolean policy, SentinelConfig.Ingest limits, Tally tally, Consumer<RawLine> each) {
        for (String file : files) {
            String name = file.equals("-") ? "stdin" : file;
            tally.file = name;
            tally.counted();
            try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
                long records = RawRecordFiles.read(name, in, policy, limits.maxRecordBytes(), each);
                if (records == 0) {
                    tally.err.println(name + ": no records");
                }
            } catch (NoSuchFileException e) {
                tally.unreadable(name, "no such file");
            } catch (IOException e) {
                tally.unreadable(name, "cannot be read: " + e.getMessage());
            }
        }
    }

    private static String unreadable(Tally tally) {
        return tally.unreadableFiles == 0 ? "" : "; " + tally.unreadableFiles + " file" + (tally.unreadableFiles == 1 ? "" : "s")
                + " could not be read";
    }

    private static Channel channelOf(String name) {
        try {
            return Channel.of(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--channel must be news, weibo, wechat or policy, not '" + name + "'");
        }
    }

    /** What happened to the records and files of this run. */
    private static final class Tally {
        final Progress progress;
        private final String verb;
        final PrintStream err;
        String file;
        long accepted;
        long rejected;
        int unreadableFiles;

        /** @param verb what is done with the records: read or sent */
        Tally(Progress progress, String verb) {
            this.progress = progress;
            this.verb = verb;
            this.err = progress.above(System.err);
        }

        void refused(RawLine record, String reason) {
            rejected++;
            err.println(record.where() + ": " + reason);
            counted();
        }

        void accepted(long records) {
            long before = accepted;
            accepted += records;
            if (accepted / 1_000 != before / 1_000) {
                counted();
            }
        }

        void counted() {
            progress.phase(String.format(Locale.ROOT, "%s: %,d records %s, %,d refused", file, accepted, verb, rejected));
        }

        void unreadable(String file, String why) {
            unreadableFiles++;
            err.println("yq: " + file + ": " + why + "; the other files are read");
        }
    }

    /** {@code --check}: each record read here. */
    private static final class Checker {
        private final Channel itemChannel;
        private final Instant seenAt;
        private final Tally tally;
        private final ItemReader items;
        private final PolicyReader policies;
        final PrintStream out;

        Checker(Channel itemChannel, SentinelConfig.Ingest limits, Instant seenAt, Tally tally) {
            this.itemChannel = itemChannel;
            this.seenAt = seenAt;
            this.tally = tally;
            this.items = new ItemReader(limits);
            this.policies = new PolicyReader(limits);
            this.out = new PrintStream(tally.progress.above(System.out), false, StandardCharsets.UTF_8);
        }

        void check(RawLine record) {
            if (record.refusal() != null) {
                tally.refused(record, record.refusal().reason());
                return;
            }
            ParseResult<?> result = itemChannel == null ? policies.read(record.value(), seenAt)
                    : items.read(itemChannel, record.value(), seenAt);
            if (result instanceof ParseResult.Accepted<?> ok) {
                out.println(Json.toString(ok.record()));
                tally.accepted(1);
            } else if (result instanceof ParseResult.Rejected<?> no) {
                tally.refused(record, no.reason());
            }
        }
    }

    /** Sending: batches of records to the raw topic, what was refused while cutting the file left out. */
    private static final class Sender implements AutoCloseable {
        private final RawPublisher publisher;
        private final String topic;
        private final String servers;
        private final Tally tally;
        private final List<byte[]> batch = new ArrayList<>(BATCH);

        Sender(SentinelConfig config, String topic, Tally tally) {
            this.servers = config.kafkaBootstrapServers();
            this.publisher = new RawPublisher(KafkaClients.of(config));
            this.topic = topic;
            this.tally = tally;
        }

        void add(RawLine record) {
            if (record.refusal() != null) {
                tally.refused(record, record.refusal().reason() + "; not sent");
                return;
            }
            batch.add(record.value());
            if (batch.size() == BATCH) {
                flush();
            }
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                tally.accepted(publisher.send(topic, batch));
            } catch (IllegalStateException | KafkaException e) {
                throw new UserError("sending to " + topic + " on " + servers + " failed after " + tally.accepted
                        + " records: " + e.getMessage() + "; is Kafka running? (./yq stack status)");
            }
            batch.clear();
        }

        @Override
        public void close() {
            try {
                flush();
            } finally {
                publisher.close();
            }
        }
    }
}
