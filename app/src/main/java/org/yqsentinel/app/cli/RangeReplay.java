package org.yqsentinel.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.app.UserError;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.model.config.SentinelConfig;
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
    private final KafkaArchive archive;
    private final ReplayRecords.Selection selection;

    private RangeReplay(SentinelConfig config, Instant start, Instant end, KafkaArchive archive, ReplayRecords.Selection selection) {
        this.config = config;
        this.start = start;
        this.end = end;
        this.archive = archive;
        this.selection = selection;
    }

    /** The records of [start, end), or a {@link UserError} when the range is empty or no longer held. */
    static RangeReplay select(SentinelConfig config, Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw new UserError("--from (" + start + ") must be before --to (" + end + ")");
        }
        KafkaArchive archive = KafkaArchive.open(KafkaClients.of(config), config.names());
        if (!archive.holdsSince(start)) {
            throw new UserError("the raw topics of namespace '" + config.names().prefix() + "' no longer hold every record taken"
                    + " since " + start + " (retention has removed older ones); replay a later range, or raise the raw topics'"
                    + " retention.ms (docs/operations.md)");
        }
        System.err.println("replay: reading back the raw topics and " + config.names().controlTopic() + " (" + archive.size()
                + " records)");
        ReplayRecords.Selection selection = ReplayRecords.select(archive, start, end, config.ingest());
        System.err.println("replay: source the raw topics; " + selection.read() + " records read: " + selection.posts()
                + " posts published in [" + start + ", " + end + "), " + selection.policies().size() + " policies, "
                + selection.controls() + " control messages");
        return new RangeReplay(config, start, end, archive, selection);
    }

    /** The monitor job over the range's records under the rules of {@code rulesDir}, its results in {@code work}. */
    OfflineScoring.Scored run(String rulesDir, Path work) throws Exception {
        return new OfflineScoring(config.monitor(), config.ingest(), rulesDir)
                .run(StreamExecutionEnvironment.createLocalEnvironment(), ReplayRecords.source(archive, start, end, config.ingest(), selection),
                        OfflineScoring.givenPolicies(selection.policies(), rulesDir), work);
    }

    /** The latest publish time among the range's posts, or its start when it has none. */
    Instant reached() {
        return selection.records().stream().filter(r -> r.item() != null).map(r -> r.item().publishedAt())
                .max(Instant::compareTo).orElse(start);
    }
}
