package org.yqsentinel.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.delivery.DeliveryBook;
import org.yqsentinel.alerting.delivery.Silence;
import org.yqsentinel.alerting.ledger.Ledger;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.alerting.service.AlertingService;
import org.yqsentinel.alerting.service.DryRun;
import org.yqsentinel.alerting.service.Senders;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Digests;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.connect.ElasticsearchConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code yq alerting}: the delivery service, its dry run, and silences. */
@Command(name = "alerting", description = {"Deliver alert events from yq.alerts by e-mail, SMS and chat robots, with acknowledgement"
        + " and escalation (Ctrl-C stops it).", "Needs YQ_ACK_SECRET (32+ bytes) to sign acknowledge links."},
        subcommands = {AlertingCommand.SilenceCommand.class})
public final class AlertingCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Option(names = "--dry-run", description = "Print what would be sent to whom for the alert events of --events; send nothing.")
    boolean dryRun;

    @Option(names = "--events", paramLabel = "FILE", description = "Alert events, one JSON object per line (as on yq.alerts or from ./yq score).")
    Path events;

    @Option(names = "--horizon-hours", defaultValue = "6", description = "With --dry-run: how long after the last event to follow repeats"
            + " and escalations (default: ${DEFAULT-VALUE}).")
    int horizonHours;

    @Override
    public Integer call() throws Exception {
        SentinelConfig config = yq.config();
        RoutingRules routing = RoutingRules.load(RuleFiles.of(config.rules().dir()));
        if (dryRun) {
            if (events == null) {
                throw new UserError("--dry-run needs --events FILE: alert events, one JSON object per line");
            }
            return dryRun(config, routing);
        }
        if (events != null) {
            throw new UserError("--events goes with --dry-run; the service reads " + config.names().alertsTopic());
        }
        AckTokens tokens = AckTokens.fromEnvironment(System::getenv);
        try (AlertingService service = AlertingService.start(config, routing, tokens, System::getenv, Clock.systemUTC())) {
            System.out.println("alerting: delivering " + config.names().alertsTopic() + " on " + config.kafkaBootstrapServers()
                    + "; acknowledge links and metrics on http://" + config.alerting().httpHost() + ":" + service.httpPort()
                    + " (/metrics). Ctrl-C stops it.");
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
            service.awaitEnd();
            if (service.failure() != null) {
                System.err.println("yq: alerting stopped: the consumer of " + config.names().alertsTopic() + " failed: " + service.failure()
                        + " (restart it; nothing is lost: what was not in the ledger is read again)");
                return 1;
            }
        }
        return 0;
    }

    private int dryRun(SentinelConfig config, RoutingRules routing) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        int line = 0;
        for (String text : Files.readAllLines(Yq.requireFile(events))) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            try {
                alerts.add(Json.mapper().readValue(text, Alert.class));
            } catch (IOException e) {
                throw new UserError(events + ":" + line + ": not an alert event: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        // links in a dry run are not meant to be clicked: sign them with a throwaway secret unless one is set
        String secret = System.getenv(AckTokens.SECRET_VARIABLE);
        AckTokens tokens = secret == null ? new AckTokens(AckTokens.newSecret().getBytes(StandardCharsets.UTF_8))
                : AckTokens.fromEnvironment(System::getenv);
        Senders senders = new Senders(config.alerting(), routing, tokens, System::getenv, Clock.systemUTC());
        DeliveryBook book = new DeliveryBook(routing, AlertingService.settings(config.alerting()));
        DryRun dryRun = new DryRun(book, senders, routing.timezone());
        List<String> lines = dryRun.run(alerts, Duration.ofHours(horizonHours));
        System.out.println("dry run: " + alerts.size() + " alert events from " + events + "; nothing is sent. Times are "
                + routing.timezone().getId() + ".");
        lines.forEach(System.out::println);
        System.out.println(dryRun.notifications() + " notifications");
        return 0;
    }

    /** {@code yq alerting silence}: mute deliveries for a while. */
    @Command(name = "silence", description = "Create, list or end silences: deliveries they match are recorded as SILENCED, not sent.")
    static final class SilenceCommand implements Callable<Integer> {

        @ParentCommand
        AlertingCommand alerting;

        @Parameters(index = "0", paramLabel = "ACTION", description = "add, list or expire")
        String action;

        @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "with expire: the silence to end now")
        String id;

        @Option(names = "--case", description = "the case id") String caseId;
        @Option(names = "--policy", description = "the policy id") String policy;
        @Option(names = "--department", description = "the responsible department") String department;
        @Option(names = "--receiver", description = "a receiver of routing.yaml") String receiver;
        @Option(names = "--hours", defaultValue = "2", description = "how long it lasts (default: ${DEFAULT-VALUE})") double hours;
        @Option(names = "--by", description = "who silences (for the record)") String by;
        @Option(names = "--comment", description = "why") String comment;

        @Override
        public Integer call() {
            SentinelConfig config = alerting.yq.config();
            Instant now = Instant.now();
            // what the user can fix is refused before anything is asked of Elasticsearch
            if (!List.of("add", "list", "expire").contains(action)) {
                throw new UserError("unknown action '" + action + "'; use add, list or expire");
            }
            if (action.equals("expire") && id == null) {
                throw new UserError("say which silence to end: ./yq alerting silence expire ID (./yq alerting silence list shows them)");
            }
            Silence silence = action.equals("add") ? made(now) : null;
            try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
                Ledger ledger = new Ledger(es.client(), config.names());
                switch (action) {
                    case "add" -> {
                        ledger.put(silence);
                        System.out.println(silence.id() + ": " + silence.describe() + " silenced until " + silence.endsAt());
                    }
                    case "list" -> ledger.allSilences().forEach(s -> System.out.println(s.id() + "  " + (s.activeAt(now) ? "active " : "ended  ")
                            + s.startsAt() + " – " + s.endsAt() + "  " + s.describe() + "  by " + s.createdBy()
                            + (s.comment() == null ? "" : ": " + s.comment())));
                    default -> {
                        Silence found = ledger.silence(id)
                                .orElseThrow(() -> new UserError("no silence " + id + "; ./yq alerting silence list shows them"));
                        if (!found.activeAt(now)) {
                            System.out.println(id + " is not active; nothing changed");
                            return 0;
                        }
                        ledger.put(found.endingAt(now));
                        System.out.println(id + " ended at " + now);
                    }
                }
            }
            return 0;
        }

        private Silence made(Instant now) {
            if (by == null) {
                throw new UserError("say who silences with --by NAME: the record keeps it");
            }
            if (!(hours > 0)) {
                throw new UserError("--hours must be above 0, not " + hours);
            }
            String silenceId = "silence-" + Digests.sha256Hex(String.join("\n", String.valueOf(caseId), String.valueOf(policy),
                    String.valueOf(department), String.valueOf(receiver), now.toString())).substring(0, 12);
            try {
                return new Silence(silenceId, caseId, policy, department, receiver, now, now.plus(Duration.ofSeconds(Math.round(hours * 3600))),
                        by, comment);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage() + " (--case, --policy, --department, --receiver)");
            }
        }
    }
}
