package org.yqsentinel.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.simulator.Simulation.Phase;

/**
 * Simulates the stream of posts around the demo policy (江教发〔2026〕18号) as a named sequence of
 * phases — a quiet background, a build-up, a negative surge and its decay, a loud welcome, an unrelated
 * hot topic — for demos, tests and benchmarks of the policy-risk scoring. Everything derives from the
 * seed, the start and the rate: the same three give the same stream.
 *
 * <table>
 *   <caption>Scenarios</caption>
 *   <tr><th>name</th><th>phases (hours)</th></tr>
 *   <tr><td>surge</td><td>quiet 3, unrelated 3, build-up 4, surge 3, decay 4, tail 3</td></tr>
 *   <tr><td>positive</td><td>quiet 3, build-up 4, positive 4, tail 3</td></tr>
 *   <tr><td>quiet</td><td>quiet 12</td></tr>
 *   <tr><td>unrelated</td><td>quiet 3, unrelated 3, tail 3</td></tr>
 *   <tr><td>emergency</td><td>quiet 3, emergency 3 (a tunnel collapse, in its own wordings), tail 3</td></tr>
 * </table>
 */
public final class PolicySimulator {

    public static final String DEFAULT_SCENARIO = "surge";
    /** The highest rate accepted: at 100 the surge scenario holds about 200,000 items. */
    public static final double MAX_RATE = 100;

    private record Step(String name, PhaseKind kind, int hours) {}

    private static final Map<String, List<Step>> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("surge", List.of(new Step("quiet", PhaseKind.QUIET, 3), new Step("unrelated", PhaseKind.UNRELATED, 3),
                new Step("build-up", PhaseKind.BUILD_UP, 4), new Step("surge", PhaseKind.SURGE, 3),
                new Step("decay", PhaseKind.DECAY, 4), new Step("tail", PhaseKind.QUIET, 3)));
        SCENARIOS.put("positive", List.of(new Step("quiet", PhaseKind.QUIET, 3), new Step("build-up", PhaseKind.BUILD_UP, 4),
                new Step("positive", PhaseKind.POSITIVE, 4), new Step("tail", PhaseKind.QUIET, 3)));
        SCENARIOS.put("quiet", List.of(new Step("quiet", PhaseKind.QUIET, 12)));
        SCENARIOS.put("unrelated", List.of(new Step("quiet", PhaseKind.QUIET, 3), new Step("unrelated", PhaseKind.UNRELATED, 3),
                new Step("tail", PhaseKind.QUIET, 3)));
        SCENARIOS.put("emergency", List.of(new Step("quiet", PhaseKind.QUIET, 3), new Step("emergency", PhaseKind.EMERGENCY, 3),
                new Step("tail", PhaseKind.QUIET, 3)));
    }

    private final long seed;
    private final double rate;

    public PolicySimulator(long seed) {
        this(seed, 1);
    }

    /** @param rate multiplies every count per hour (background, topic, trickle); from above 0 to {@link #MAX_RATE} */
    public PolicySimulator(long seed, double rate) {
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be above 0 and at most " + MAX_RATE + ", not " + rate);
        }
        this.seed = seed;
        this.rate = rate;
    }

    /** The policy every simulation is about: the demo policy, 江教发〔2026〕18号. */
    public static PolicyDocument policy() {
        return ScenarioText.policy();
    }

    /** The names of the scenarios, the default first. */
    public static List<String> scenarios() {
        return List.copyOf(SCENARIOS.keySet());
    }

    /**
     * The stream of a scenario from {@code start} (cut to the minute); the default start is
     * {@link ScenarioGenerator#RELEASED_AT}, when the policy goes online.
     *
     * @throws IllegalArgumentException for a scenario name not in {@link #scenarios()}
     */
    public Simulation simulate(String scenario, Instant start) {
        List<Item> items = posts(scenario, start).stream().map(SimulatedPost::item).toList();
        return new Simulation(policy(), items, phases(scenario, start));
    }

    /** The same stream as {@link #simulate}, each item with the topic, stance and phase it was written for. */
    public List<SimulatedPost> posts(String scenario, Instant start) {
        List<Phase> phases = phases(scenario, start);
        List<Step> steps = SCENARIOS.get(scenario);
        SimulationRun run = new SimulationRun(new Random(seed), rate);
        for (int i = 0; i < phases.size(); i++) {
            run.write(phases.get(i), steps.get(i).kind());
        }
        return run.posts();
    }

    /** The phases of a scenario from {@code start}, cut to the minute, back to back. */
    public static List<Phase> phases(String scenario, Instant start) {
        List<Step> steps = SCENARIOS.get(scenario);
        if (steps == null) {
            throw new IllegalArgumentException("no scenario " + scenario + "; known: " + String.join(", ", scenarios()));
        }
        List<Phase> phases = new ArrayList<>();
        Instant at = start.truncatedTo(ChronoUnit.MINUTES);
        for (Step step : steps) {
            Instant end = at.plus(Duration.ofHours(step.hours()));
            phases.add(new Phase(step.name(), at, end));
            at = end;
        }
        return phases;
    }
}
