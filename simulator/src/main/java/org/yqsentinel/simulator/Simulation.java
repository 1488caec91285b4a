package org.yqsentinel.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.json.Json;

/**
 * A simulated stream of posts around one policy, made by {@link PolicySimulator}: the policy, the items
 * in publication order, and the phases of event time they were written for (quiet, build-up, surge…),
 * back to back. Demos replay it, tests and benchmarks of the policy-risk scoring measure against it.
 */
public record Simulation(PolicyDocument policy, List<Item> items, List<Phase> phases) {

    /** The file beside the crawler files that holds the phases: a JSON array of {@code {name, start, end}}, times in UTC. */
    public static final String PHASES_FILE = "phases.json";

    public Simulation {
        Objects.requireNonNull(policy, "policy");
        items = List.copyOf(items);
        phases = List.copyOf(phases);
    }

    /** A stretch of event time, from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Phase(String name, Instant start, Instant end) {
        public Phase {
            Objects.requireNonNull(name, "name");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("phase " + name + " must start (" + start + ") before it ends (" + end + ")");
            }
        }

        public boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    /** The phase of this name. */
    public Phase phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no phase " + name + " in this simulation (phases: "
                        + String.join(", ", phases.stream().map(Phase::name).toList()) + ")"));
    }

    /** The items published during a phase, in publication order. */
    public List<Item> items(Phase phase) {
        return items.stream().filter(item -> phase.contains(item.publishedAt())).toList();
    }

    /** As a scenario without broken records, which {@link ScenarioFiles#write} writes as the crawlers' files. */
    public Scenario asScenario() {
        return new Scenario(policy, items, List.of());
    }

    /** Writes the crawler files ({@link ScenarioFiles#write}) and {@link #PHASES_FILE} into {@code dir}. */
    public void write(Path dir) throws IOException {
        ScenarioFiles.write(asScenario(), dir);
        Files.writeString(dir.resolve(PHASES_FILE), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(phases) + "\n",
                StandardCharsets.UTF_8);
    }

    /** The phases a simulation wrote into {@code dir}. */
    public static List<Phase> readPhases(Path dir) throws IOException {
        return Json.mapper().readValue(dir.resolve(PHASES_FILE).toFile(), new TypeReference<List<Phase>>() {});
    }
}
