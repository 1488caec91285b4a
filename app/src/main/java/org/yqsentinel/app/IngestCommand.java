package org.yqsentinel.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
 * them here, without Kafka, into canonical records (stdout) and reasons for what is refused (stderr).
 */
@Command(name = "ingest", description = "Send crawler records (JSON lines, JSON arrays, policy pages) to the raw topics,"
        + " or check them with --check.")
final class IngestCommand implements Callable<Integer> {

    private static final int BATCH = 500;

    @ParentCommand
    Yq yq;

    @Option(names = "--channel", required = true, paramLabel = "news|weibo|wechat|policy", description = "Which raw topic the records belong to.")
    String channel;

    @Option(names = "--check", description = "Do not send: print canonical records as JSON lines, one 'file:line: reason' per refused record on stderr, and 'accepted N, rejected M'. Exit 1 if any was refused.")
    boolean check;

    @Option(names = "--crawled-at", paramLabel = "TIME", description = "With --check: when the records were crawled, for relative times and the future-time check (default: now).")
    String crawledAt;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to read; - reads standard input.")
    List<String> files;

    @Override
    public Integer call() throws IOException {
        boolean policy = channel.equals("policy");
        Channel itemChannel = policy ? null : channelOf(channel);
        List<RawLine> records = new ArrayList<>();
        for (String file : files) {
            byte[] content = file.equals("-") ? System.in.readAllBytes() : read(file);
            try {
                records.addAll(RawRecordFiles.split(file.equals("-") ? "stdin" : file, content, policy));
            } catch (RawRecordFiles.UnreadableFile e) {
                throw new Yq.UserError(e.getMessage());
            }
        }
        return check ? check(records, itemChannel) : send(records, itemChannel);
    }

    private int check(List<RawLine> records, Channel itemChannel) {
        Instant seenAt = crawledAt == null ? Instant.now() : Times.parse(crawledAt, null, "--crawled-at");
        ItemReader items = new ItemReader();
        PolicyReader policies = new PolicyReader();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int accepted = 0;
        int rejected = 0;
        for (RawLine record : records) {
            ParseResult<?> result = itemChannel == null ? policies.read(record.value(), seenAt)
                    : items.read(itemChannel, record.value(), seenAt);
            if (result instanceof ParseResult.Accepted<?> ok) {
                accepted++;
                out.println(Json.toString(ok.record()));
            } else if (result instanceof ParseResult.Rejected<?> no) {
                rejected++;
                System.err.println(record.where() + ": " + no.reason());
            }
        }
        out.flush();
        System.err.println("accepted " + accepted + ", rejected " + rejected);
        return rejected == 0 ? 0 : 1;
    }

    private int send(List<RawLine> records, Channel itemChannel) {
        SentinelConfig config = yq.config();
        String topic = itemChannel == null ? config.names().rawPolicyTopic() : config.names().rawTopic(itemChannel);
        Progress progress = new Progress(records.size());
        int sent = 0;
        try (RawPublisher publisher = new RawPublisher(config.kafkaBootstrapServers())) {
            for (int from = 0; from < records.size(); from += BATCH) {
                List<byte[]> batch = records.subList(from, Math.min(records.size(), from + BATCH)).stream().map(RawLine::value).toList();
                sent += publisher.send(topic, batch);
                progress.show(sent);
            }
        } catch (IllegalStateException | org.apache.kafka.common.KafkaException e) {
            throw new Yq.UserError("sending to " + topic + " on " + config.kafkaBootstrapServers() + " failed after " + sent
                    + " of " + records.size() + " records: " + e.getMessage() + "; is Kafka running? (./yq stack status)");
        }
        progress.done();
        System.out.println("sent " + sent + " records to " + topic + " from " + files.size() + " file" + (files.size() == 1 ? "" : "s"));
        return 0;
    }

    private static Channel channelOf(String name) {
        try {
            return Channel.of(name);
        } catch (IllegalArgumentException e) {
            throw new Yq.UserError("--channel must be news, weibo, wechat or policy, not '" + name + "'");
        }
    }

    private static byte[] read(String file) throws IOException {
        return Files.readAllBytes(Yq.requireFile(Path.of(file)));
    }

    /** A progress bar on stderr when a person is watching; nothing when output goes to a file or pipe. */
    private static final class Progress {
        private final int total;
        private final boolean visible = System.console() != null;

        Progress(int total) {
            this.total = total;
        }

        void show(int done) {
            if (visible && total > 0) {
                int width = 30;
                int filled = (int) ((long) done * width / total);
                System.err.printf("\r[%s%s] %d/%d records", "#".repeat(filled), ".".repeat(width - filled), done, total);
            }
        }

        void done() {
            if (visible) {
                System.err.println();
            }
        }
    }
}
