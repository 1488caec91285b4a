package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.enrich.TextAnalyzer;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.simulator.PolicySimulator;
import org.yqsentinel.simulator.ScenarioFiles;
import org.yqsentinel.simulator.ScenarioGenerator;
import org.yqsentinel.simulator.SimulatedPost;
import org.yqsentinel.simulator.SimulatedPost.Topic;

/**
 * The bundled sentiment model reads the simulated outcry as negative and the simulated welcome as not:
 * the simulation's texts say what they are meant to say (measured on the default seed: 0.86, 0.09, and 0.74 for the hot topic).
 */
class SimulationSentimentTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private static final PolicySimulator SIMULATOR = new PolicySimulator(ScenarioFiles.DEFAULT_SEED);

    @Test
    void theSurgeAboutThePolicyReadsMostlyNegative() {
        assertThat(negativeShare("surge", "surge", Topic.POLICY)).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void thePositiveReceptionReadsRarelyNegative() {
        assertThat(negativeShare("positive", "positive", Topic.POLICY)).isLessThanOrEqualTo(0.25);
    }

    @Test
    void theUnrelatedHotTopicReadsMostlyNegativeToo() {
        assertThat(negativeShare("unrelated", "unrelated", Topic.HOT_TOPIC)).isGreaterThanOrEqualTo(0.6);
    }

    private static double negativeShare(String scenario, String phase, Topic topic) {
        List<Item> items = SIMULATOR.posts(scenario, ScenarioGenerator.RELEASED_AT).stream()
                .filter(p -> p.phase().equals(phase) && p.topic() == topic).map(SimulatedPost::item).toList();
        assertThat(items).hasSizeGreaterThan(500);
        long negative = items.stream()
                .filter(i -> ANALYZER.analyze(i.title(), i.text()).sentiment().label() == Sentiment.Label.NEGATIVE).count();
        return (double) negative / items.size();
    }
}
