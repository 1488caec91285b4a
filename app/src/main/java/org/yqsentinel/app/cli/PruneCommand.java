package org.yqsentinel.app.cli;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.Provisioner;
import org.yqsentinel.connect.Pruner;
import org.yqsentinel.model.config.SentinelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code yq prune}: removes posts, risk series and closed cases older than they are kept. */
@Command(name = "prune", description = {"Remove what is older than it is kept: the monthly indices of posts and risk series"
        + " before the months kept, and closed cases last changed before the months cases are kept, with their alert events"
        + " and deliveries (open cases stay, however old); also alert events and deliveries of no case and ended silences"
        + " as old as those cases.", "Run it daily (cron or a systemd timer); --dry-run first to see what goes."},
        footer = {"", "Exit codes: 0 done; 2 an error to fix (Elasticsearch unreachable, a wrong option); 1 a failure of yq itself."})
public final class PruneCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Option(names = "--keep-months", paramLabel = "N", description = "Months of posts and risk series kept: this month (UTC) and the"
            + " N-1 before (default: retention.item-months).")
    Integer keepMonths;

    @Option(names = "--keep-case-months", paramLabel = "M", description = "Months a closed case, its alert events and deliveries are"
            + " kept after its last change (default: retention.case-months).")
    Integer keepCaseMonths;

    @Option(names = "--dry-run", description = "Only list what would be removed.")
    boolean dryRun;

    @Override
    public Integer call() {
        SentinelConfig config = yq.config();
        int months = keepMonths == null ? config.retention().itemMonths() : keepMonths;
        int caseMonths = keepCaseMonths == null ? config.retention().caseMonths() : keepCaseMonths;
        if (months < 1 || caseMonths < 1) {
            throw new UserError("--keep-months and --keep-case-months must be at least 1 (the current month is always kept)");
        }
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            Pruner.Result result = new Pruner(es.client(), config.names()).prune(Instant.now(), months, caseMonths, dryRun);
            result.lines().forEach(System.out::println);
            System.out.println((dryRun ? "dry run: nothing removed; " : "pruned: ") + result.indices().size() + " monthly ind"
                    + (result.indices().size() == 1 ? "ex" : "ices") + (dryRun ? " would go" : " deleted") + " (keeping " + months
                    + " month" + (months == 1 ? "" : "s") + " of posts and risk series, " + caseMonths + " of closed cases) on "
                    + config.elasticsearchUrl());
            return 0;
        } catch (IOException | ElasticsearchException e) {
            throw new UserError("pruning " + config.elasticsearchUrl() + " failed: " + Provisioner.rootMessage(e) + "; is Elasticsearch running?"
                    + " (./yq stack status)");
        }
    }
}
