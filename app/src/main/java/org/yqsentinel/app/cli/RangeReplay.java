package org.yqsentinel.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.app.UserError;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.offline.Archive;
import org.yqsentinel.pipeline.offline.IndexArchive;
import org.yqsentinel.pipeline.offline.KafkaArchive;
import org.yqsentinel.pipeline.offline.OfflineScoring;
import org.yqsentinel.pipeline.offline.ReplayRecords;

/**
 * A time range of what the system holds, made ready to replay: the records the archive keeps for it, selected once,
 * and the monitor job over them under a rules folder, as many times as asked (once for {@code yq replay}, twice for
 * {@code yq whatif}). Progress goes to stderr.
 */
final class RangeReplay {

    private final SentinelConfig config;
    private final Instant start;
    private final Instant end;
    private final Archive archive;
    private final ReplayRecords.Selection selection;

    private RangeReplay(SentinelConfig config, Instant start, Instant end, Archive archive, ReplayRecords.Selection selection) {
        this.config = config;
        this.start = start;
        this.end = end;
        this.archive = archive;
        this.selection = selection;
    }

    /**
     * The records of [start, end): from the raw topics while they hold every record taken since {@code start}, else from
     * the {@code yq-items} archive (with every policy of {@code yq-policies} and the control topic); a
     * {@link UserError} when the range is empty or neither holds it.
     */
    static RangeReplay select(SentinelConfig config, Instant start, Instant end, PrintStream err) {
        if (!start.isBefore(end)) {
            throw new UserError("--from (" + start + ") must be before --to (" + end + ")");
        }
        KafkaClients clients = KafkaClients.of(config);
        KafkaArchive topics = KafkaArchive.open(clients, config.names());
        Archive archive = topics;
        if (topics.holdsSince(start)) {
            err.println("replay: reading back the raw topics and " + config.names().controlTopic() + " (" + topics.size()
                    + " records)");
        } else {
            IndexArchive items = new IndexArchive(config, start, end,
                    KafkaArchive.control(clients, config.names()));
            long held = items.items();
            if (held == 0) {
                throw new UserError("the raw topics of namespace '" + config.names().prefix() + "' no longer hold every record taken"
                        + " since " + start + " (retention has removed older ones), and " + items.describe() + " holds no post"
                        + " published in the range; replay a range the system still holds");
            }
            err.println("replay: the raw topics no longer hold every record taken since " + start + " (retention); reading "
                    + items.describe() + " instead (" + held + " posts in the range; repeats the live job dropped and records it"
                    + " refused are not kept there)");
            archive = items;
        }
        ReplayRecords.Selection selection = ReplayRecords.select(archive, start, end, config.ingest());
        err.println("replay: source " + archive.describe() + "; " + selection.read() + " records read: " + selection.posts()
                + " posts published in [" + start + ", " + end + "), " + selection.policies().size() + " policies, "
                + selection.controls() + " control messages");
        return new RangeReplay(config, start, end, archive, selection);
    }

    /** The monitor job over the range's records under the rules of {@code rulesDir}, its results in {@code work}. */
    OfflineScoring.Scored run(String rulesDir, Path work) throws Exception {
        return new OfflineScoring(config.monitor(), config.ingest(), rulesDir)
                .run(StreamExecutionEnvironment.createLocalEnvironment(), ReplayRecords.source(archive, start, end, config.ingest(), selection, true),
                        OfflineScoring.givenPolicies(selection.policies(), rulesDir), work);
    }

    /** How many posts the range holds. */
    long posts() {
        return selection.posts();
    }

    /** The latest publish time among the range's posts, or its start when it has none. */
    Instant reached() {
        return selection.records().stream().filter(r -> r.item() != null).map(r -> r.item().publishedAt())
                .max(Instant::compareTo).orElse(start);
    }
}
