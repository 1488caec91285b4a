package org.yqsentinel.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yqsentinel.app.cli.AlertingCommand;
import org.yqsentinel.app.cli.AnalyzeCommand;
import org.yqsentinel.app.cli.BenchCommand;
import org.yqsentinel.app.cli.CaseCommand;
import org.yqsentinel.app.cli.ClusterCommand;
import org.yqsentinel.app.cli.DemoCommand;
import org.yqsentinel.app.cli.ExportCommand;
import org.yqsentinel.app.cli.ReportCommand;
import org.yqsentinel.app.cli.EvalCommand;
import org.yqsentinel.app.cli.IngestCommand;
import org.yqsentinel.app.cli.MonitorCommand;
import org.yqsentinel.app.cli.OutboxCommand;
import org.yqsentinel.app.cli.PruneCommand;
import org.yqsentinel.app.cli.ReplayCommand;
import org.yqsentinel.app.cli.ScenarioCommand;
import org.yqsentinel.app.cli.ScoreCommand;
import org.yqsentinel.app.cli.SetupCommand;
import org.yqsentinel.app.cli.SimulateCommand;
import org.yqsentinel.app.cli.StackCommand;
import org.yqsentinel.app.cli.TrainCommand;
import org.yqsentinel.app.cli.WhatifCommand;
import org.yqsentinel.connect.ProvisioningException;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.model.config.ConfigException;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.rules.RuleException;
import org.yqsentinel.stack.StackException;
import org.yqsentinel.stack.LocalStack;
import org.yqsentinel.stack.StackLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code yq} command line. Errors an operator can fix are one line on stderr and a non-zero exit, not a stack trace.
 * Every command and subcommand takes {@code --help}, {@code --version}, {@code --config}, {@code --log} and {@code --quiet}
 * (inherited from here).
 */
@Command(name = "yq", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "Sentinel 0.1.0",
        description = "Sentinel (舆情哨兵): public-opinion monitoring and early warning.",
        subcommands = {StackCommand.class, ClusterCommand.class, SetupCommand.class, PruneCommand.class, IngestCommand.class, DemoCommand.class, MonitorCommand.class,
                ScenarioCommand.class, SimulateCommand.class, ScoreCommand.class, AnalyzeCommand.class, TrainCommand.class, EvalCommand.class, BenchCommand.class,
                ReplayCommand.class, WhatifCommand.class, ReportCommand.class, ExportCommand.class, CaseCommand.class, AlertingCommand.class, OutboxCommand.class})
public final class Yq {

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: sentinel.yaml in the project folder, if present).")
    Path configFile;

    @Option(names = "--log", paramLabel = "file|stdout|json", defaultValue = "${env:YQ_LOG:-file}", scope = ScopeType.INHERIT,
            description = "Where to log: file (.yq/logs/yq.log, warnings on the console; the default), stdout (plain lines)"
                    + " or json (JSON lines, Elastic Common Schema), both at INFO on stdout for a service manager. Also YQ_LOG.")
    void log(Logs target) {
        Logs.use(target);
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress line on stderr (there is none anyway when stderr is not a terminal).")
    void quiet(boolean on) {
        Progress.quiet(on);
    }

    /**
     * The configuration: bundled defaults, then, while the secure local stack runs, the settings of its clients
     * ({@code .yq/secure/sentinel.yaml}), then the file, then YQ_* environment variables.
     */
    public SentinelConfig config() {
        return new ConfigLoader(System::getenv).readAll(configFiles());
    }

    /** The files of the configuration, in the order they apply (a later one wins); the environment comes after them. */
    public List<Path> configFiles() {
        Path file = configFile;
        if (file == null) {
            Path projectFile = layout().home().resolve("sentinel.yaml");
            file = Files.isRegularFile(projectFile) ? projectFile : null;
        }
        List<Path> files = new ArrayList<>();
        LocalStack.secureClientConfig(layout()).ifPresent(files::add);
        if (file != null) {
            files.add(file.toAbsolutePath());
        }
        return files;
    }

    public StackLayout layout() {
        return StackLayout.detect();
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        Progress.quiet(false);  // a flag without a default is only set when given
        CommandLine commandLine = new CommandLine(new Yq());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof StackException || e instanceof ProvisioningException || e instanceof ConfigException || e instanceof UserError
                    || e instanceof InvalidRecord || e instanceof RuleException) {
                cmd.getErr().println("yq: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return commandLine.execute(args);
    }

    /** The file, or a one-line error when there is none. */
    public static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such file: " + file);
        }
        return file;
    }
}
