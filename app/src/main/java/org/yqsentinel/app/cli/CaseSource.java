package org.yqsentinel.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.yqsentinel.app.UserError;
import org.yqsentinel.model.Alert;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.ingest.normalize.Times;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.report.CaseFile;
import org.yqsentinel.report.CaseFiles;

/** The case file a document command is about: a case by id, or a policy over a range; and where its files go by default. */
final class CaseSource {

    private CaseSource() {}

    static CaseFile ofCase(SentinelConfig config, String caseId) throws IOException {
        if (caseId.startsWith("case:" + Alert.TOPIC_PREFIX)) {
            // a topic's posts are linked to no policy: the brief and the export, built on a policy's linked posts, would be empty
            throw new UserError("case '" + caseId + "' is an emerging topic's; the brief and the export cover a policy's case. The topic's "
                    + "alerts, risk series and case are in Kibana under its subjectId (topic:…), see docs/emerging.md");
        }
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            return new CaseFiles(es.client(), config.names()).ofCase(caseId).orElseThrow(() -> new UserError("no case '" + caseId
                    + "' in " + config.names().index("yq-cases") + "; a case id looks like case:<policy>/opened/<tier>/<millis>"
                    + " (the caseId of an alert, or the id in the alert mail)"));
        }
    }

    static CaseFile ofPolicy(SentinelConfig config, String policyId, String from, String to) throws IOException {
        if (from == null || to == null) {
            throw new UserError("--policy needs --from and --to: the range of the brief");
        }
        Instant start = Times.parse(from, null, "--from");
        Instant end = Times.parse(to, null, "--to");
        if (!start.isBefore(end)) {
            throw new UserError("--from (" + start + ") must be before --to (" + end + ")");
        }
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            CaseFile file = new CaseFiles(es.client(), config.names()).ofPolicy(policyId, start, end);
            if (file.policy() == null && file.alerts().isEmpty() && file.posts().isEmpty()) {
                throw new UserError("nothing about policy '" + policyId + "' in [" + start + ", " + end + "): no such policy in "
                        + config.names().index("yq-policies") + ", and no alert or linked post in the range");
            }
            return file;
        }
    }

    /** A file name from the case id (or policy id): its characters that file systems refuse or shells mangle as {@code _}. */
    static Path defaultFile(CaseFile file, String extension) {
        String id = file.caseRecord() != null ? file.caseRecord().id() : file.subjectId();
        return Path.of(id.replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + extension);
    }
}
