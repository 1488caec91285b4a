package org.yqsentinel.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.Channel;
import org.yqsentinel.simulator.Scenario;
import org.yqsentinel.simulator.ScenarioFiles;
import org.yqsentinel.simulator.ScenarioGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code yq scenario}: writes the synthetic demo episode; the bundled demo/sample is its output for the default seed. */
@Command(name = "scenario", description = "Generate the synthetic demo episode (a policy notice and three days of reactions) as raw files.")
public final class ScenarioCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: demo/sample in the project).")
    Path out;

    @Option(names = "--seed", description = "Random seed; the same seed gives the same files (default: ${DEFAULT-VALUE}).")
    long seed = ScenarioFiles.DEFAULT_SEED;

    @Override
    public Integer call() throws Exception {
        Path folder = out != null ? out : yq.layout().home().resolve(ScenarioFiles.DEFAULT_DIR);
        Scenario scenario = new ScenarioGenerator(seed).generate();
        ScenarioFiles.write(scenario, folder);
        StringBuilder counts = new StringBuilder();
        for (Channel channel : Channel.values()) {
            counts.append(", ").append(scenario.items(channel).size()).append(' ').append(channel.id())
                    .append(" (+").append(scenario.malformed(channel).size()).append(" malformed)");
        }
        System.out.println("wrote " + folder + ": 1 policy" + counts);
        return 0;
    }
}
