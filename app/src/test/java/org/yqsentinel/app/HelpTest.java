package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** Every command and subcommand answers {@code --help} with its usage on stdout and exit 0, starting nothing. */
class HelpTest {

    @RegisterExtension
    final Console console = Console.inTemporaryProject();

    @Test
    void everyCommandAndSubcommandPrintsItsUsageOnHelpAndExitsZero() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new Yq()), new ArrayList<>(), paths);
        assertThat(paths).as("commands found").hasSizeGreaterThan(30)
                .contains(List.of("stack"), List.of("bench", "pipeline"), List.of("case", "ack"), List.of("alerting", "silence"));

        for (List<String> path : paths) {
            console.reset();
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            int exit = Yq.run(args.toArray(String[]::new));
            String usage = "Usage: yq" + (path.isEmpty() ? "" : " " + String.join(" ", path));
            assertThat(exit).as("yq %s --help", String.join(" ", path)).isZero();
            assertThat(console.out()).as("yq %s --help", String.join(" ", path)).startsWith(usage);
            assertThat(console.err()).as("yq %s --help", String.join(" ", path)).isEmpty();
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return;  // an alias
            }
            List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            collect(sub, deeper, paths);
        });
    }
}
