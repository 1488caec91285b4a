package org.yqsentinel.app.cli;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.yqsentinel.app.Setup;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.dashboards.Desk;
import org.yqsentinel.dashboards.KibanaImport;
import org.yqsentinel.model.config.SentinelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code yq setup}: topics and index templates, idempotent; with {@code --kibana} also the desk's dashboards. */
@Command(name = "setup", description = "Create the Kafka topics and Elasticsearch index templates (idempotent); with --kibana URL"
        + " also load the desk's data views, dashboards and saved searches into Kibana (replacing them by id).",
        footer = {"", "Kibana credentials come from the environment, never the command line: " + SetupCommand.API_KEY
                + " (an encoded API key), or " + SetupCommand.USER + " and " + SetupCommand.PASSWORD + ".",
                "Exit codes: 0 done; 2 an error to fix (Kibana refused the objects, a bad address); 1 a failure of yq itself."})
public final class SetupCommand implements Callable<Integer> {

    static final String API_KEY = "YQ_KIBANA_API_KEY";
    static final String USER = "YQ_KIBANA_USER";
    static final String PASSWORD = "YQ_KIBANA_PASSWORD";

    @ParentCommand
    Yq yq;

    @Option(names = "--kibana", paramLabel = "URL", description = "Kibana's address, e.g. http://127.0.0.1:5601 (with a space:"
            + " http://host:5601/s/desk).")
    String kibana;

    @Override
    public Integer call() {
        SentinelConfig config = yq.config();
        URI address = kibana == null ? null : address(kibana);
        List<String> report = Setup.provision(config);
        report.forEach(System.out::println);
        long created = report.stream().filter(l -> l.endsWith("created") || l.contains(": created")).count();
        System.out.println("setup done on " + config.kafkaBootstrapServers() + " and " + config.elasticsearchUrl()
                + ": " + created + " created, " + (report.size() - created) + " already there or updated");
        if (address != null) {
            kibana(config, address);
        }
        return 0;
    }

    private static URI address(String kibana) {
        URI address;
        try {
            address = URI.create(kibana);
        } catch (IllegalArgumentException e) {
            throw new UserError("--kibana " + kibana + ": not an address (" + e.getMessage() + "); e.g. http://127.0.0.1:5601");
        }
        if (address.getScheme() == null || !address.getScheme().startsWith("http") || address.getHost() == null) {
            throw new UserError("--kibana " + kibana + ": give an http or https address, e.g. http://127.0.0.1:5601");
        }
        return address;
    }

    /** Loads the data views (over this namespace's indices) and the desk's dashboards and saved searches. */
    private void kibana(SentinelConfig config, URI address) {
        String apiKey = System.getenv(API_KEY);
        String user = System.getenv(USER);
        String authorization = apiKey != null && !apiKey.isBlank() ? KibanaImport.apiKey(apiKey.strip())
                : user != null && !user.isBlank() ? KibanaImport.basic(user.strip(), System.getenv().getOrDefault(PASSWORD, "")) : null;
        try {
            int loaded = new KibanaImport(address, authorization, Duration.ofSeconds(30)).importDesk(config.names().prefix());
            System.out.println("kibana: " + loaded + " saved objects loaded into " + kibana + " (data views, dashboards "
                    + Desk.OVERVIEW_ID + " and " + Desk.CASE_VIEW_ID + ", saved searches)");
        } catch (KibanaImport.ImportFailed e) {
            throw new UserError(e.getMessage());
        }
    }
}
