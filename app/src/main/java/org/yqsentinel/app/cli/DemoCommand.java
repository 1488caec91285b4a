package org.yqsentinel.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.yqsentinel.app.Yq;
import org.yqsentinel.app.demo.DemoRun;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.simulator.PolicySimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code yq demo}: its options, checked, and one {@link DemoRun} with them. */
@Command(name = "demo", description = "Start the local stack, push a simulated surge of posts about a new policy, run the "
        + "monitor job over it, print what it indexed and the alerts it raised.")
public final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Option(names = "--sample", paramLabel = "DIR", description = "Instead of the simulated surge, a folder with news.jsonl, "
            + "weibo.jsonl, wechat.jsonl (crawler records) and policy.txt (a portal page), such as demo/sample.")
    Path sample;

    @Option(names = "--scenario", defaultValue = PolicySimulator.DEFAULT_SCENARIO, completionCandidates = SimulateCommand.Scenarios.class,
            description = "The simulated scenario: one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Override
    public Integer call() throws Exception {
        SentinelConfig config = yq.config();
        if (sample == null) {
            SimulateCommand.requireScenario(scenario);
        }
        new DemoRun(config, yq.layout(), OutboxCommand.HTTP_PORT).run(sample, scenario);
        return 0;
    }
}
