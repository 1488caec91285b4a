package org.yqsentinel.app.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.report.CaseExport;
import org.yqsentinel.report.CaseFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code yq export}: a case's posts as a desk opens them in a spreadsheet, de-identified, one row per post. */
@Command(name = "export", description = "Export a case's posts (time, channel, author, de-identified text, sentiment, emotion,"
        + " link evidence, copy/repost of) as CSV (UTF-8 with BOM, for Excel) or XLSX.",
        footer = {"", "Exit codes: 0 written; 2 an error to fix (no such case, a bad option); 1 a failure of yq itself."})
public final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case id (caseId of its alerts).")
    String caseId;

    @Option(names = "--format", required = true, paramLabel = "csv|xlsx", description = "csv or xlsx.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write (default: the case id as a file name, in the"
            + " current folder).")
    Path out;

    @Override
    public Integer call() throws Exception {
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw new UserError("--format must be csv or xlsx, not '" + format + "'");
        }
        CaseFile file = CaseSource.ofCase(yq.config(), caseId);
        Path target = out != null ? out : CaseSource.defaultFile(file, "." + kind);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        CaseExport export = new CaseExport();
        try (OutputStream stream = Files.newOutputStream(target)) {
            if (kind.equals("csv")) {
                export.csv(file, stream);
            } else {
                export.xlsx(file, stream);
            }
        }
        System.err.println("exported: " + file.posts().size() + " post" + (file.posts().size() == 1 ? "" : "s") + " of " + caseId
                + " to " + target);
        return 0;
    }
}
