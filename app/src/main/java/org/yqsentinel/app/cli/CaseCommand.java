package org.yqsentinel.app.cli;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code yq case}: a case as the desk works it. */
@Command(name = "case", description = "Look at a case: yq case show CASE_ID.", subcommands = {CaseCommand.Show.class})
public final class CaseCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Override
    public Integer call() {
        throw new UserError("give a subcommand: yq case show CASE_ID");
    }

    /** {@code yq case show CASE_ID}: the case record as JSON, each status and stage of its timeline with its Chinese name. */
    @Command(name = "show", description = "Print a case as JSON: status, tiers, respond-by, acknowledgement, response classes, quoted"
            + " posts and its timeline, with the Chinese name of each stage (statusLabel).",
            footer = {"", "Exit codes: 0 printed; 2 no such case; 1 a failure of yq itself."})
    static final class Show implements Callable<Integer> {

        @ParentCommand
        CaseCommand parent;

        @Parameters(index = "0", paramLabel = "CASE_ID", description = "The case id (the caseId of its alerts).")
        String caseId;

        @Override
        public Integer call() throws Exception {
            SentinelConfig config = parent.yq.config();
            String index = config.names().index("yq-cases");
            JsonNode stored;
            try (ElasticsearchConnection es = ElasticsearchConnection.open(config.elasticsearchUrl())) {
                es.client().indices().refresh(r -> r.index(index).allowNoIndices(true).ignoreUnavailable(true));
                GetResponse<JsonNode> got = es.client().get(g -> g.index(index).id(caseId), JsonNode.class);
                if (!got.found() || got.source() == null) {
                    throw new UserError("no case '" + caseId + "' in " + index + "; a case id looks like case:<policy>/opened/<tier>/<millis>"
                            + " (the caseId of an alert, or the id in the alert mail)");
                }
                stored = got.source();
            }
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(labelled(stored)));
            out.flush();
            return 0;
        }

        /** The stored case with {@code statusLabel} (收集, 研判…) next to the status and to each stage of its timeline. */
        static ObjectNode labelled(JsonNode stored) {
            ObjectNode shown = stored.deepCopy();
            label(shown);
            JsonNode timeline = shown.get("timeline");
            if (timeline instanceof ArrayNode stages) {
                stages.forEach(stage -> {
                    if (stage instanceof ObjectNode entry) {
                        label(entry);
                    }
                });
            }
            return shown;
        }

        private static void label(ObjectNode node) {
            JsonNode status = node.get("status");
            if (status != null && status.isTextual()) {
                try {
                    node.put("statusLabel", CaseStatus.valueOf(status.asText()).label());
                } catch (IllegalArgumentException e) {
                    node.put("statusLabel", status.asText());  // a status of a newer version: shown as it is
                }
            }
        }
    }
}
