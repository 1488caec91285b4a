package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.StringReader;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.IndexTemplates;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.Provisioner;

/**
 * {@code yq setup} on what exists: the fields its templates added since reach indices an older version made, and
 * topics and indices are brought to the configuration where Kafka and Elasticsearch allow it.
 */
@ExtendWith(LocalStackExtension.class)
class ProvisionerIT {

    private static final String OLD_MAPPING = "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"id\":{\"type\":\"keyword\"}}}}";

    @Test
    void setupAddsNewTemplateFieldsToExistingSingleAndMonthlyIndices(StackContext stack) throws Exception {
        Namespace names = stack.namespace();
        IndexTemplates.Template policies = template(names, "yq-policies");
        IndexTemplates.Template items = template(names, "yq-items");
        String single = policies.singleIndex();
        String monthly = names.itemsIndex(YearMonth.of(2026, 1));
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            ElasticsearchClient client = es.client();
            // as an older version left them: no template yet, indices with only the fields it knew
            for (IndexTemplates.Template template : IndexTemplates.forNamespace(names)) {
                client.indices().deleteIndexTemplate(r -> r.name(template.name()));
            }
            for (String index : new String[] {single, monthly}) {
                client.indices().delete(r -> r.index(index).ignoreUnavailable(true));
                client.indices().create(r -> r.index(index).withJson(new StringReader(OLD_MAPPING)));
            }
            assertThat(fields(client, monthly)).containsExactly("id");

            try (Provisioner provisioner = new Provisioner(stack.kafkaBootstrapServers(), stack.elasticsearchUrl())) {
                provisioner.provision(names, 1);
            }

            assertThat(fields(client, single)).containsAll(templateFields(policies)).hasSizeGreaterThan(1);
            assertThat(fields(client, monthly)).containsAll(templateFields(items)).hasSizeGreaterThan(1);
        }
    }

    @Test
    void setupBringsTopicRetentionRawPartitionsAndIndexReplicasToTheConfigurationAndReportsWhatItCannotChange(StackContext stack)
            throws Exception {
        Namespace names = stack.namespace();
        String raw = names.rawTopic(Channel.WEIBO);
        String items = names.itemsIndex(YearMonth.of(2026, 2));
        String twoShards = names.itemsIndex(YearMonth.of(2026, 3));
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl());
             Admin admin = new KafkaClients(stack.kafkaBootstrapServers()).admin(15_000)) {
            ElasticsearchClient client = es.client();
            client.indices().delete(r -> r.index(items, twoShards).ignoreUnavailable(true));
            client.indices().create(r -> r.index(items).settings(x -> x.numberOfReplicas("1")));
            client.indices().create(r -> r.index(twoShards).settings(x -> x.numberOfShards("2").numberOfReplicas("0")));
            Provisioner.Plan plan = new Provisioner.Plan(4, 1, 0, 3, 20, 400);

            List<String> report;
            try (Provisioner provisioner = new Provisioner(stack.kafkaBootstrapServers(), stack.elasticsearchUrl())) {
                report = provisioner.provision(names, plan);
            }

            assertThat(report).contains("topic " + raw + ": exists, retention 7 days → 3 days, partitions 2 → 4",
                    "topic " + names.deadLetterTopic() + ": exists, retention 30 days → 20 days",
                    "topic " + names.alertsTopic() + ": exists, retention 365 days → 400 days",
                    "index " + items + ": replicas 1 → 0");
            assertThat(report).anySatisfy(line -> assertThat(line).startsWith("index " + twoShards + ": 2 shards, not the 1 configured"));
            assertThat(retentionMs(admin, raw)).isEqualTo(3 * 86_400_000L);
            assertThat(admin.describeTopics(List.of(raw)).allTopicNames().get().get(raw).partitions()).hasSize(4);
            assertThat(client.indices().getSettings(r -> r.index(items)).result().get(items).settings().index().numberOfReplicas())
                    .isEqualTo("0");

            List<String> again;
            try (Provisioner provisioner = new Provisioner(stack.kafkaBootstrapServers(), stack.elasticsearchUrl())) {
                again = provisioner.provision(names, new Provisioner.Plan(2, 1, 0, 3, 20, 400));
            }
            assertThat(again).contains("topic " + names.deadLetterTopic() + ": exists",
                    "topic " + raw + ": exists, 4 partitions, more than the 2 configured (Kafka cannot remove partitions; left as they are)");
            assertThat(again).noneMatch(line -> line.startsWith("index " + items));
        } finally {
            try (Provisioner provisioner = new Provisioner(stack.kafkaBootstrapServers(), stack.elasticsearchUrl())) {
                provisioner.provision(names, Provisioner.Plan.defaults(2));  // the retention the other tests of the class expect
            }
        }
    }

    private static long retentionMs(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Long.parseLong(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value());
    }

    private static IndexTemplates.Template template(Namespace names, String name) {
        return IndexTemplates.forNamespace(names).stream().filter(t -> t.name().equals(names.index(name))).findFirst().orElseThrow();
    }

    private static Set<String> templateFields(IndexTemplates.Template template) {
        Set<String> fields = new TreeSet<>();
        template.mappings().get("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    private static Set<String> fields(ElasticsearchClient client, String index) throws Exception {
        return client.indices().getMapping(r -> r.index(index)).result().get(index).mappings().properties().keySet();
    }
}
