package org.yqsentinel.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.Console;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.json.Json;

/**
 * {@code yq whatif} on the demo's sample episode (scores up to about 42), with rules in force whose tiers sit low
 * enough for it to reach Ⅰ: a higher Ⅰ threshold reports exactly the Ⅰ events that go, and nothing else.
 */
class WhatifCommandTest {

    private static final Path BUNDLED_RULES = Path.of("..", "rules", "src", "main", "resources", "rules");
    private static final Path SAMPLE = Path.of("..", "demo", "sample");
    private static final String LOW_TIERS = """
              IV:  {enter: 20, leave: 15, respond-within-hours: 48}
              III: {enter: 25, leave: 22, respond-within-hours: 48}
              II:  {enter: 30, leave: 27, respond-within-hours: 24}
              I:   {enter: %s, leave: 35, respond-within-hours: 5}
            """;

    @TempDir
    static Path dir;

    private static Path config;
    private static final List<String> FILES = List.of("--crawled-at", "2026-11-25T08:00:00+08:00", "--policies",
            SAMPLE.resolve("policy.txt").toString(), "--items", "weibo=" + SAMPLE.resolve("weibo.jsonl"),
            "news=" + SAMPLE.resolve("news.jsonl"), "wechat=" + SAMPLE.resolve("wechat.jsonl"));

    @RegisterExtension
    final Console console = Console.captured();

    @BeforeAll
    static void rulesInForceReachTierI() throws Exception {
        config = dir.resolve("sentinel.yaml");
        Files.writeString(config, "rules:\n  dir: " + rules("40") + "\n", UTF_8);
    }

    /** The bundled rules with the low tiers above, Ⅰ entered at {@code enter}. */
    private static Path rules(String enter) throws Exception {
        Path rules = Files.createTempDirectory(dir, "rules");
        try (Stream<Path> all = Files.walk(BUNDLED_RULES)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                Path to = rules.resolve(BUNDLED_RULES.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
        Path risk = rules.resolve("risk.yaml");
        String text = Files.readString(risk, UTF_8);
        String changed = text.replaceFirst("(?s)\ntiers:\n.*?\nquiet-minutes:", "\ntiers:\n" + LOW_TIERS.formatted(enter) + "quiet-minutes:");
        assertThat(changed).isNotEqualTo(text);
        Files.writeString(risk, changed, UTF_8);
        return rules;
    }

    private List<String> run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        all.addAll(FILES);
        int exit = Yq.run(all.toArray(String[]::new));
        assertThat(exit).as(console.err()).isIn(0, 3);  // 3: the sample's six broken records, refused
        return console.outLines();
    }

    @Test
    void aHigherTierIThresholdReportsExactlyTheTierIEventsThatDisappear() throws Exception {
        List<Alert> inForce = new ArrayList<>();
        for (String line : run("score")) {
            inForce.add(Json.mapper().readValue(line, Alert.class));
        }
        // the events at Ⅰ, and those that leave it (a de-escalation from Ⅰ)
        List<String> tierI = inForce.stream().filter(a -> a.tier() == Tier.I_RED || a.previousTier() == Tier.I_RED).map(Alert::id).toList();
        assertThat(tierI).as("the sample reaches Ⅰ under the rules in force").isNotEmpty();
        assertThat(inForce).as("and has events below Ⅰ too").anySatisfy(a -> assertThat(a.tier()).isNotEqualTo(Tier.I_RED));
        console.reset();

        List<String> lines = run("whatif", "--rules", rules("45").toString());

        List<JsonNode> changes = new ArrayList<>();
        for (String line : lines) {
            changes.add(Json.mapper().readTree(line));
        }
        assertThat(changes).allSatisfy(c -> assertThat(c.get("change").asText()).isIn("removed", "changed"));
        assertThat(changes).extracting(c -> c.get("before").get("id").asText()).containsExactlyInAnyOrderElementsOf(tierI);
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.get("after").path("tier").asText()).isNotEqualTo("I");
            assertThat(c.get("after").path("previousTier").asText()).isNotEqualTo("I");
        });
        // the table for a person: a header, a row per change, the counts
        List<String> table = console.err().lines().dropWhile(line -> !line.startsWith("change ")).toList();
        assertThat(table).hasSize(changes.size() + 2);
        assertThat(table.get(table.size() - 1)).contains(inForce.size() + " alert events under the rules in force")
                .endsWith(" 0 added, " + changes.stream().filter(c -> c.get("change").asText().equals("changed")).count() + " changed");
    }

    @Test
    void theSameRulesChangeNothing() throws Exception {
        List<String> lines = run("whatif", "--rules", rules("40").toString());

        assertThat(lines).isEmpty();
        assertThat(console.err()).contains("0 removed, 0 added, 0 changed");
    }

    @Test
    void aBrokenRulesFolderIsRefusedWithFileAndLine() throws Exception {
        Path broken = rules("eighty");
        List<String> all = new ArrayList<>(List.of("--config", config.toString(), "whatif", "--rules", broken.toString()));
        all.addAll(FILES);

        assertThat(Yq.run(all.toArray(String[]::new))).isEqualTo(2);
        assertThat(console.err()).contains(broken.resolve("risk.yaml") + ":").doesNotContain("Exception");
    }
}
