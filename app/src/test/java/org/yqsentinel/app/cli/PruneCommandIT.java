package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.StackCli;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/** {@code yq prune} on the real Elasticsearch: only what is older than asked goes, and a dry run removes nothing. */
@ExtendWith(LocalStackExtension.class)
class PruneCommandIT {

    @TempDir
    Path dir;

    @Test
    void removesOnlyTheMonthsAndClosedCasesOlderThanAskedAndADryRunNothing(StackContext stack) throws Exception {
        Namespace names = stack.namespace();
        Instant now = Instant.now();
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        String kept0 = names.itemsIndex(month);
        String kept2 = names.itemsIndex(month.minusMonths(2));
        String gone3 = names.itemsIndex(month.minusMonths(3));
        String gone14 = names.itemsIndex(month.minusMonths(14));
        String riskKept = names.riskIndex(month.minusMonths(2));
        String riskGone = names.riskIndex(month.minusMonths(3));
        String alerts = names.index("yq-alerts");
        String cases = names.index("yq-cases");
        String deliveries = names.index("yq-deliveries");
        String silences = names.index("yq-silences");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            ElasticsearchClient client = es.client();
            for (String index : List.of(kept0, kept2, gone3, gone14)) {
                put(client, index, "item-" + index, Map.of("id", "item-" + index));
            }
            put(client, riskKept, "r1", Map.of("id", "r1"));
            put(client, riskGone, "r2", Map.of("id", "r2"));
            put(client, cases, "case-old-closed", Map.of("id", "case-old-closed", "status", "CLOSED", "updatedAt", monthsAgo(now, 8)));
            put(client, cases, "case-recent-closed", Map.of("id", "case-recent-closed", "status", "CLOSED", "updatedAt", monthsAgo(now, 2)));
            put(client, cases, "case-old-open", Map.of("id", "case-old-open", "status", "HANDLING", "updatedAt", monthsAgo(now, 20)));
            put(client, alerts, "a-old-closed", Map.of("id", "a-old-closed", "caseId", "case-old-closed", "eventTime", monthsAgo(now, 9)));
            put(client, alerts, "a-recent-closed", Map.of("id", "a-recent-closed", "caseId", "case-recent-closed", "eventTime", monthsAgo(now, 9)));
            put(client, alerts, "a-old-open", Map.of("id", "a-old-open", "caseId", "case-old-open", "eventTime", monthsAgo(now, 21)));
            put(client, alerts, "a-no-case-old", Map.of("id", "a-no-case-old", "eventTime", monthsAgo(now, 8)));
            put(client, alerts, "a-no-case-recent", Map.of("id", "a-no-case-recent", "eventTime", monthsAgo(now, 1)));
            put(client, deliveries, "d-old-closed", Map.of("id", "d-old-closed", "caseId", "case-old-closed", "at", monthsAgo(now, 9)));
            put(client, deliveries, "d-old-open", Map.of("id", "d-old-open", "caseId", "case-old-open", "at", monthsAgo(now, 21)));
            put(client, silences, "s-ended-old", Map.of("id", "s-ended-old", "endsAt", monthsAgo(now, 8)));
            put(client, silences, "s-active", Map.of("id", "s-active", "endsAt", now.plusSeconds(3_600).toString()));
            Path config = StackCli.config(dir, stack);

            StackCli.Printed dry = StackCli.run(config, "prune", "--keep-months", "3", "--keep-case-months", "6", "--dry-run");

            assertThat(dry.exit()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("index " + gone3 + ": 1 documents, would be deleted", "index " + gone14 + ": 1 documents",
                    "index " + riskGone + ": 1 documents", cases + ": 1 closed case last changed before",
                    "with 1 alert event and 1 delivery record, would be deleted", "1 alert events and 0 delivery records of no case",
                    silences + ": 1 silence ended before", "dry run: nothing removed; 3 monthly indices would go");
            assertThat(dry.out()).doesNotContain(kept0, kept2, riskKept);
            assertThat(exists(client, gone3, gone14, riskGone)).isTrue();
            assertThat(ids(client, cases)).hasSize(3);

            StackCli.Printed pruned = StackCli.run(config, "prune", "--keep-months", "3", "--keep-case-months", "6");

            assertThat(pruned.exit()).as(pruned.err()).isZero();
            assertThat(pruned.out()).contains("pruned: 3 monthly indices deleted");
            assertThat(exists(client, gone3)).isFalse();
            assertThat(exists(client, gone14)).isFalse();
            assertThat(exists(client, riskGone)).isFalse();
            assertThat(exists(client, kept0, kept2, riskKept)).isTrue();
            assertThat(ids(client, cases)).containsExactlyInAnyOrder("case-recent-closed", "case-old-open");
            assertThat(ids(client, alerts)).containsExactlyInAnyOrder("a-recent-closed", "a-old-open", "a-no-case-recent");
            assertThat(ids(client, deliveries)).containsExactly("d-old-open");
            assertThat(ids(client, silences)).containsExactly("s-active");

            StackCli.Printed again = StackCli.run(config, "prune", "--keep-months", "3", "--keep-case-months", "6");
            assertThat(again.out()).contains("pruned: 0 monthly indices deleted", cases + ": 0 closed cases");
        }
    }

    @Test
    void aMonthsKeptBelowOneIsRefused(StackContext stack) throws Exception {
        StackCli.Printed run = StackCli.run(StackCli.config(dir, stack), "prune", "--keep-months", "0");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--keep-months and --keep-case-months must be at least 1");
    }

    private static String monthsAgo(Instant now, int months) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant().toString();
    }

    private static void put(ElasticsearchClient client, String index, String id, Map<String, String> doc) throws Exception {
        client.index(i -> i.index(index).id(id).withJson(new StringReader(org.yqsentinel.model.json.Json.toString(doc)))
                .refresh(Refresh.True));
    }

    private static boolean exists(ElasticsearchClient client, String... indices) throws Exception {
        return client.indices().exists(r -> r.index(List.of(indices))).value();
    }

    private static List<String> ids(ElasticsearchClient client, String index) throws Exception {
        client.indices().refresh(r -> r.index(index));
        return client.search(s -> s.index(index).size(100), Map.class).hits().hits().stream().map(h -> h.id()).toList();
    }
}
