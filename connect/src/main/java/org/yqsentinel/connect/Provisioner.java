package org.yqsentinel.connect;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.IndexState;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.IndexTemplates;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * Creates what Sentinel needs in Kafka and Elasticsearch — the topics of DESIGN.md, the index templates
 * and the single indices — idempotently, and says what it did. Works on any cluster, not only the local stack.
 * What exists already is brought to the plan where Kafka and Elasticsearch allow it: a topic's retention, more
 * partitions for a raw topic, the replicas of existing indices, fields a newer version added. What they do not
 * allow (fewer partitions, another number of shards of an existing index) is reported, not changed.
 */
public final class Provisioner implements AutoCloseable {

    private static final long DAY_MS = 24L * 3600 * 1000;

    /**
     * The shape of what is provisioned.
     *
     * @param rawTopicPartitions partitions of the raw topics (the others have one)
     * @param shards             primary shards of each new index
     * @param replicas           replicas of every index, new and existing
     * @param rawTopicDays       retention of the raw topics
     * @param deadLetterDays     retention of the dead-letter topic
     * @param alertTopicDays     retention of the alerts and control topics
     */
    public record Plan(int rawTopicPartitions, int shards, int replicas, int rawTopicDays, int deadLetterDays, int alertTopicDays) {

        /** The defaults of sentinel-defaults.yaml with these partitions (tests, benchmarks). */
        public static Plan defaults(int rawTopicPartitions) {
            return new Plan(rawTopicPartitions, 1, 0, 7, 30, 365);
        }

        public static Plan of(SentinelConfig config) {
            return new Plan(config.monitor().rawTopicPartitions(), config.elasticsearch().shards(), config.elasticsearch().replicas(),
                    config.retention().rawTopicDays(), config.retention().deadLetterDays(), config.retention().alertTopicDays());
        }
    }

    private final Admin admin;
    private final ElasticsearchConnection elasticsearch;

    /** Of a Kafka and an Elasticsearch without security (a local stack, a test). */
    public Provisioner(String kafkaBootstrapServers, String elasticsearchUrl) {
        this(new KafkaClients(kafkaBootstrapServers), ElasticsearchConnection.open(elasticsearchUrl));
    }

    /** Of the configured Kafka and Elasticsearch, with their credentials. */
    public Provisioner(SentinelConfig config) {
        this(KafkaClients.of(config), ElasticsearchConnection.open(config));
    }

    private Provisioner(KafkaClients kafka, ElasticsearchConnection elasticsearch) {
        this.admin = kafka.admin(15_000);
        this.elasticsearch = elasticsearch;
    }

    /** Creates missing topics and indices and puts the templates, with the defaults' shape; one line per thing. */
    public List<String> provision(Namespace namespace, int rawTopicPartitions) {
        return provision(namespace, Plan.defaults(rawTopicPartitions));
    }

    /** Creates missing topics and indices, puts the templates and reconciles what exists; one line per thing, saying what happened. */
    public List<String> provision(Namespace namespace, Plan plan) {
        List<String> report = new ArrayList<>();
        report.addAll(createTopics(namespace, plan));
        report.addAll(putTemplates(namespace, plan));
        return report;
    }

    private List<String> createTopics(Namespace namespace, Plan plan) {
        Set<String> raw = Set.of(namespace.rawTopic(Channel.NEWS), namespace.rawTopic(Channel.WEIBO),
                namespace.rawTopic(Channel.WECHAT), namespace.rawPolicyTopic());
        List<String> report = new ArrayList<>();
        try {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            for (String topic : namespace.topics()) {
                int partitions = raw.contains(topic) ? plan.rawTopicPartitions() : 1;
                long retentionMs = retentionDays(namespace, topic, plan) * DAY_MS;
                if (existing.contains(topic)) {
                    report.add(reconcile(topic, raw.contains(topic) ? partitions : 0, retentionMs));
                    continue;
                }
                NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)));
                try {
                    admin.createTopics(List.of(newTopic)).all().get(15, TimeUnit.SECONDS);
                    report.add("topic " + topic + ": created (" + partitions + " partition" + (partitions == 1 ? "" : "s") + ", retention "
                            + days(retentionMs) + ")");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    report.add("topic " + topic + ": exists");
                }
            }
            return report;
        } catch (ExecutionException | TimeoutException e) {
            throw new ProvisioningException("cannot create Kafka topics: " + rootMessage(e) + "; is Kafka running? (./yq stack status)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted while creating Kafka topics");
        }
    }

    /**
     * An existing topic brought to the plan: its retention set when it differs, partitions added when a raw topic has
     * fewer than planned ({@code partitions} 0: not checked). Kafka cannot take partitions away: more are reported.
     */
    private String reconcile(String topic, int partitions, long retentionMs) throws ExecutionException, InterruptedException, TimeoutException {
        List<String> done = new ArrayList<>();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(15, TimeUnit.SECONDS).get(resource);
        ConfigEntry retention = config.get(TopicConfig.RETENTION_MS_CONFIG);
        if (retention == null || !Long.toString(retentionMs).equals(retention.value())) {
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)), AlterConfigOp.OpType.SET))))
                    .all().get(15, TimeUnit.SECONDS);
            done.add("retention " + (retention == null ? "unset" : days(Long.parseLong(retention.value()))) + " → " + days(retentionMs));
        }
        if (partitions > 0) {
            int has = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS).get(topic).partitions().size();
            if (has < partitions) {
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get(15, TimeUnit.SECONDS);
                done.add("partitions " + has + " → " + partitions);
            } else if (has > partitions) {
                done.add(has + " partitions, more than the " + partitions + " configured (Kafka cannot remove partitions; left as they are)");
            }
        }
        return "topic " + topic + ": exists" + (done.isEmpty() ? "" : ", " + String.join(", ", done));
    }

    private static int retentionDays(Namespace namespace, String topic, Plan plan) {
        if (topic.equals(namespace.deadLetterTopic())) {
            return plan.deadLetterDays();
        }
        if (topic.equals(namespace.alertsTopic()) || topic.equals(namespace.controlTopic())) {
            return plan.alertTopicDays();
        }
        return plan.rawTopicDays();
    }

    private static String days(long ms) {
        return ms % DAY_MS == 0 ? ms / DAY_MS + " days" : ms + " ms";
    }

    private List<String> putTemplates(Namespace namespace, Plan plan) {
        ElasticsearchClient client = elasticsearch.client();
        List<String> report = new ArrayList<>();
        try {
            for (IndexTemplates.Template template : IndexTemplates.forNamespace(namespace, plan.shards(), plan.replicas())) {
                boolean existed = client.indices().existsIndexTemplate(r -> r.name(template.name())).value();
                client.indices().putIndexTemplate(r -> r.name(template.name())
                        .withJson(new StringReader(template.body().toString())));
                report.add("index template " + template.name() + ": " + (existed ? "updated" : "created"));
                // fields a newer version added reach the existing indices too (adding fields is always allowed)
                String indices = template.indexPattern();
                if (template.monthly()) {
                    client.indices().putMapping(r -> r.index(indices).allowNoIndices(true)
                            .withJson(new StringReader(template.mappings().toString())));
                    report.addAll(reconcileIndices(client, indices, plan));
                } else if (client.indices().exists(r -> r.index(indices)).value()) {
                    client.indices().putMapping(r -> r.index(indices).withJson(new StringReader(template.mappings().toString())));
                    List<String> changed = reconcileIndices(client, indices, plan);
                    report.add("index " + indices + ": exists, mappings updated" + (changed.isEmpty() ? ""
                            : ", " + String.join(", ", changed).replace("index " + indices + ": ", "")));
                } else {
                    client.indices().create(r -> r.index(indices));
                    report.add("index " + indices + ": created");
                }
            }
            return report;
        } catch (IOException | RuntimeException e) {
            throw new ProvisioningException("cannot put Elasticsearch index templates: " + rootMessage(e)
                    + "; is Elasticsearch running? (./yq stack status)");
        }
    }

    /**
     * The existing indices of a pattern brought to the plan's replicas; a number of shards other than planned is
     * reported (an index keeps its shards; new indices get the plan's). One line per index that differs.
     */
    private static List<String> reconcileIndices(ElasticsearchClient client, String pattern, Plan plan) throws IOException {
        List<String> report = new ArrayList<>();
        Map<String, IndexState> indices = client.indices().getSettings(r -> r.index(pattern).allowNoIndices(true).ignoreUnavailable(true)
                .name("index.number_of_shards", "index.number_of_replicas")).result();
        for (Map.Entry<String, IndexState> entry : new TreeMap<>(indices).entrySet()) {
            String index = entry.getKey();
            IndexSettings settings = entry.getValue().settings();
            IndexSettings inner = settings == null ? null : settings.index() != null ? settings.index() : settings;
            String shards = inner == null ? null : inner.numberOfShards();
            String replicas = inner == null ? null : inner.numberOfReplicas();
            List<String> done = new ArrayList<>();
            if (replicas != null && !replicas.equals(Integer.toString(plan.replicas()))) {
                client.indices().putSettings(r -> r.index(index).settings(x -> x.numberOfReplicas(Integer.toString(plan.replicas()))));
                done.add("replicas " + replicas + " → " + plan.replicas());
            }
            if (shards != null && !shards.equals(Integer.toString(plan.shards()))) {
                done.add(shards + " shards, not the " + plan.shards() + " configured (an index keeps its shards; the next"
                        + (pattern.endsWith("*") ? " month's index gets " : " index made gets ") + plan.shards() + ")");
            }
            if (!done.isEmpty()) {
                report.add("index " + index + ": " + String.join(", ", done));
            }
        }
        return report;
    }

    /** Deletes a namespace's topics, indices and templates; refuses the default namespace. */
    public void deleteNamespace(Namespace namespace) {
        if (namespace.prefix().isEmpty()) {
            throw new IllegalArgumentException("refusing to delete the default namespace");
        }
        try {
            Set<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<String> ours = topics.stream().filter(t -> t.startsWith(namespace.prefix())).toList();
            if (!ours.isEmpty()) {
                admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
            }
            ElasticsearchClient client = elasticsearch.client();
            client.indices().delete(r -> r.index(namespace.prefix() + "*").allowNoIndices(true).ignoreUnavailable(true));
            for (String name : IndexTemplates.NAMES) {
                String template = namespace.index(name);
                if (client.indices().existsIndexTemplate(r -> r.name(template)).value()) {
                    client.indices().deleteIndexTemplate(r -> r.name(template));
                }
            }
        } catch (Exception e) {
            throw new ProvisioningException("cannot delete namespace " + namespace.prefix() + ": " + rootMessage(e));
        }
    }

    /** The innermost cause of a failure, as {@code ConnectException: Connection refused}, for a one-line message. */
    public static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public void close() {
        admin.close();
        elasticsearch.close();
    }
}
