package org.yqsentinel.app.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.yqsentinel.app.Progress;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.report.Browser;
import org.yqsentinel.report.CaseFile;
import org.yqsentinel.report.brief.CaseBrief;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq report}: the incident brief (舆情简报) of a case, or of a policy over a range, as the desk hands it upward: an
 * HTML file that opens offline (charts drawn in it, no script, no network) and a PDF of the same page, printed by a
 * headless Chromium.
 */
@Command(name = "report", description = "Write the incident brief (舆情简报) of a case, or of a policy over a range: an HTML file"
        + " that opens offline and a PDF of it (printed by a headless Chromium).",
        footer = {"", "The PDF needs Chromium with a Chinese font: scripts/ensure-browser installs Debian's, or set YQ_CHROMIUM.",
                "Exit codes: 0 written; 2 an error to fix (no such case, no browser for the PDF); 1 a failure of yq itself."})
public final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    static final class Subject {
        @Option(names = "--case", required = true, paramLabel = "ID", description = "The case id (caseId of its alerts).")
        String caseId;
        @Option(names = "--policy", required = true, paramLabel = "ID", description = "A policy id (its 文号), with --from and --to.")
        String policyId;
    }

    @Option(names = "--from", paramLabel = "TIME", description = "With --policy: start of the range (included).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "With --policy: end of the range (excluded).")
    String to;

    @Option(names = "--out", paramLabel = "DIR", description = "The folder to write into (default: the current folder).")
    Path out;

    @Option(names = "--html-only", description = "Write the HTML alone, without the PDF (where no browser is installed).")
    boolean htmlOnly;

    @Override
    public Integer call() throws Exception {
        SentinelConfig config = yq.config();
        if (subject.caseId != null && (from != null || to != null)) {
            throw new UserError("--from and --to go with --policy; a case's brief covers the case's own range");
        }
        Optional<Browser> browser = htmlOnly ? Optional.empty() : Browser.find();
        if (!htmlOnly && browser.isEmpty()) {
            throw new UserError("the PDF needs a headless Chromium with a Chinese font, and none was found at " + Browser.USUAL_PLACES
                    + ": run scripts/ensure-browser, set " + Browser.EXECUTABLE_VARIABLE + " to one, or write the HTML alone with --html-only");
        }
        CaseFile file;
        Path html;
        Path pdf = null;
        try (Progress progress = Progress.start("report")) {
            progress.phase("reading the " + (subject.caseId != null ? "case" : "policy") + "'s posts, alerts and risk series from Elasticsearch");
            file = subject.caseId != null ? CaseSource.ofCase(config, subject.caseId) : CaseSource.ofPolicy(config, subject.policyId, from, to);
            Path folder = out == null ? Path.of("") : out;
            Files.createDirectories(folder.toAbsolutePath());
            String name = CaseSource.defaultFile(file, "").toString();
            html = folder.resolve(name + ".html");
            progress.phase("writing the brief");
            Files.writeString(html, new CaseBrief().html(file, Instant.now()), StandardCharsets.UTF_8);
            if (browser.isPresent()) {
                progress.phase("printing the PDF in a headless Chromium");
                pdf = folder.resolve(name + ".pdf");
                browser.get().printToPdf(html.toAbsolutePath(), pdf.toAbsolutePath());
            }
        }
        if (pdf == null) {
            System.err.println("report: " + file.posts().size() + " posts, " + file.alerts().size() + " alert events; written to " + html);
            return 0;
        }
        System.err.println("report: " + file.posts().size() + " posts, " + file.alerts().size() + " alert events; written to " + html
                + " and " + pdf);
        return 0;
    }
}
