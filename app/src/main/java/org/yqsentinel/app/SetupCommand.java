package org.yqsentinel.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.connect.Provisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code yq setup}: topics and index templates, idempotent. */
@Command(name = "setup", description = "Create the Kafka topics and Elasticsearch index templates (idempotent).")
final class SetupCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Override
    public Integer call() {
        SentinelConfig config = yq.config();
        List<String> report = provision(config);
        report.forEach(System.out::println);
        long created = report.stream().filter(l -> l.endsWith("created") || l.contains(": created")).count();
        System.out.println("setup done on " + config.kafkaBootstrapServers() + " and " + config.elasticsearchUrl()
                + ": " + created + " created, " + (report.size() - created) + " already there or updated");
        return 0;
    }

    static List<String> provision(SentinelConfig config) {
        try (Provisioner provisioner = new Provisioner(config.kafkaBootstrapServers(), config.elasticsearchUrl())) {
            return provisioner.provision(config.names(), config.monitor().rawTopicPartitions());
        }
    }
}
