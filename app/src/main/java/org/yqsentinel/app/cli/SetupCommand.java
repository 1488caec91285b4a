package org.yqsentinel.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.yqsentinel.app.Setup;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.config.SentinelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code yq setup}: topics and index templates, idempotent. */
@Command(name = "setup", description = "Create the Kafka topics and Elasticsearch index templates (idempotent).")
public final class SetupCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Override
    public Integer call() {
        SentinelConfig config = yq.config();
        List<String> report = Setup.provision(config);
        report.forEach(System.out::println);
        long created = report.stream().filter(l -> l.endsWith("created") || l.contains(": created")).count();
        System.out.println("setup done on " + config.kafkaBootstrapServers() + " and " + config.elasticsearchUrl()
                + ": " + created + " created, " + (report.size() - created) + " already there or updated");
        return 0;
    }
}
