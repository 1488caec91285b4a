package org.yqsentinel.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.yqsentinel.app.UserError;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Zones;
import org.yqsentinel.simulator.PolicySimulator;
import org.yqsentinel.simulator.ScenarioFiles;
import org.yqsentinel.simulator.ScenarioGenerator;
import org.yqsentinel.simulator.Simulation;
import org.yqsentinel.simulator.Simulation.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yq simulate}: writes a simulated stream of posts around the demo policy, phase by phase, as the
 * crawlers' raw files plus {@code phases.json}, for demos and benchmarks of the policy-risk scoring.
 */
@Command(name = "simulate", description = "Simulate posts around the demo policy in phases (quiet, build-up, surge…) "
        + "as raw crawler files plus phases.json.")
public final class SimulateCommand implements Callable<Integer> {

    private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** The scenario names, for the help text. */
    static final class Scenarios extends ArrayList<String> {
        Scenarios() {
            super(PolicySimulator.scenarios());
        }
    }

    @Option(names = "--scenario", defaultValue = PolicySimulator.DEFAULT_SCENARIO, completionCandidates = Scenarios.class,
            description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--seed", description = "Random seed; the same seed, start and rate give the same files (default: ${DEFAULT-VALUE}).")
    long seed = ScenarioFiles.DEFAULT_SEED;

    @Option(names = "--start", paramLabel = "TIME", description = "When the first phase starts, ISO-8601: 2026-11-20T01:00:00Z, "
            + "2026-11-20T09:00+08:00, or without offset in Beijing time (default: the policy's publication, 2026-11-20T09:00 Beijing).")
    String start;

    @Option(names = "--rate", description = "Multiplies every count per hour, above 0 and at most " + PolicySimulator.MAX_RATE
            + " (default: ${DEFAULT-VALUE}).")
    double rate = 1;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Instant from = start == null ? ScenarioGenerator.RELEASED_AT : parseStart(start);
        requireScenario(scenario);
        if (!(rate > 0 && rate <= PolicySimulator.MAX_RATE)) {
            throw new UserError("--rate must be above 0 and at most " + PolicySimulator.MAX_RATE + ", not " + rate);
        }
        Simulation simulation = new PolicySimulator(seed, rate).simulate(scenario, from);
        simulation.write(out);
        StringBuilder channels = new StringBuilder();
        for (Channel channel : Channel.values()) {
            channels.append(channels.isEmpty() ? "" : ", ").append(simulation.asScenario().items(channel).size()).append(' ')
                    .append(channel.id());
        }
        System.out.printf(Locale.ROOT, "wrote %s: scenario %s (seed %d, rate %s), %d items (%s), policy %s, %s%n", out, scenario,
                seed, rate, simulation.items().size(), channels, simulation.policy().id(), Simulation.PHASES_FILE);
        for (Phase phase : simulation.phases()) {
            System.out.printf(Locale.ROOT, "  %-10s %s → %s Beijing  %6d items%n", phase.name(), beijing(phase.start()),
                    beijing(phase.end()), simulation.items(phase).size());
        }
        return 0;
    }

    /** Refuses a scenario name the simulator does not know, naming those it does. */
    static void requireScenario(String scenario) {
        if (!PolicySimulator.scenarios().contains(scenario)) {
            throw new UserError("no scenario " + scenario + "; choose one of " + String.join(", ", PolicySimulator.scenarios()));
        }
    }

    /** An ISO-8601 instant, with an offset, or a local time read as Beijing time. */
    static Instant parseStart(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(Zones.BEIJING).toInstant();
                } catch (DateTimeParseException e) {
                    throw new UserError("--start " + text + " is not an ISO-8601 time; write it like 2026-11-20T01:00:00Z, "
                            + "2026-11-20T09:00+08:00 or 2026-11-20T09:00 (Beijing)");
                }
            }
        }
    }

    private static String beijing(Instant at) {
        return at.atZone(Zones.BEIJING).format(BEIJING_TIME);
    }
}
