package org.yqsentinel.connect;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.IndexTemplates;
import org.yqsentinel.model.Namespace;

/**
 * Creates what Sentinel needs in Kafka and Elasticsearch — the topics of DESIGN.md, the index templates
 * and the single indices — idempotently, and says what it did. Works on any cluster, not only the local stack.
 */
public final class Provisioner implements AutoCloseable {

    private static final long DAY_MS = 24L * 3600 * 1000;

    private final Admin admin;
    private final ElasticsearchConnection elasticsearch;

    public Provisioner(String kafkaBootstrapServers, String elasticsearchUrl) {
        this.admin = new KafkaClients(kafkaBootstrapServers).admin(15_000);
        this.elasticsearch = ElasticsearchConnection.open(elasticsearchUrl);
    }

    /** Creates missing topics and indices and puts the templates; returns one line per thing, saying what happened. */
    public List<String> provision(Namespace namespace, int rawTopicPartitions) {
        List<String> report = new ArrayList<>();
        report.addAll(createTopics(namespace, rawTopicPartitions));
        report.addAll(putTemplates(namespace));
        return report;
    }

    private List<String> createTopics(Namespace namespace, int rawTopicPartitions) {
        Set<String> raw = Set.of(namespace.rawTopic(Channel.NEWS), namespace.rawTopic(Channel.WEIBO),
                namespace.rawTopic(Channel.WECHAT), namespace.rawPolicyTopic());
        List<String> report = new ArrayList<>();
        try {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            for (String topic : namespace.topics()) {
                if (existing.contains(topic)) {
                    report.add("topic " + topic + ": exists");
                    continue;
                }
                int partitions = raw.contains(topic) ? rawTopicPartitions : 1;
                NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty())
                        .configs(topicConfig(namespace, topic));
                try {
                    admin.createTopics(List.of(newTopic)).all().get(15, TimeUnit.SECONDS);
                    report.add("topic " + topic + ": created (" + partitions + " partition" + (partitions == 1 ? "" : "s") + ")");
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

    private static Map<String, String> topicConfig(Namespace namespace, String topic) {
        if (topic.equals(namespace.deadLetterTopic())) {
            return Map.of("retention.ms", Long.toString(30 * DAY_MS));
        }
        if (topic.equals(namespace.alertsTopic()) || topic.equals(namespace.controlTopic())) {
            return Map.of("retention.ms", Long.toString(365 * DAY_MS));
        }
        return Map.of("retention.ms", Long.toString(7 * DAY_MS));
    }

    private List<String> putTemplates(Namespace namespace) {
        ElasticsearchClient client = elasticsearch.client();
        List<String> report = new ArrayList<>();
        try {
            for (IndexTemplates.Template template : IndexTemplates.forNamespace(namespace)) {
                boolean existed = client.indices().existsIndexTemplate(r -> r.name(template.name())).value();
                client.indices().putIndexTemplate(r -> r.name(template.name())
                        .withJson(new StringReader(template.body().toString())));
                report.add("index template " + template.name() + ": " + (existed ? "updated" : "created"));
                // fields a newer version added reach the existing indices too (adding fields is always allowed)
                String indices = template.indexPattern();
                if (template.monthly()) {
                    client.indices().putMapping(r -> r.index(indices).allowNoIndices(true)
                            .withJson(new StringReader(template.mappings().toString())));
                } else if (client.indices().exists(r -> r.index(indices)).value()) {
                    client.indices().putMapping(r -> r.index(indices).withJson(new StringReader(template.mappings().toString())));
                    report.add("index " + indices + ": exists, mappings updated");
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

    private static String rootMessage(Throwable e) {
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
