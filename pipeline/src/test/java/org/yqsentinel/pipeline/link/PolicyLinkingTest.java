package org.yqsentinel.pipeline.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.offline.ItemLink;
import org.yqsentinel.pipeline.offline.OfflineRecords;
import org.yqsentinel.pipeline.offline.OfflineScoring;
import org.yqsentinel.training.linking.LinkingScore;
import org.yqsentinel.simulator.PolicySimulator;
import org.yqsentinel.simulator.ScenarioFiles;
import org.yqsentinel.simulator.ScenarioGenerator;
import org.yqsentinel.simulator.SimulatedPost;
import org.yqsentinel.simulator.Simulation;

/**
 * Which posts the monitor job links to the demo policy (江教发〔2026〕18号), offline: posts labelled by hand
 * (docs/data/linking-cases.jsonl, about the after-school fees in people's own words, and unrelated ones) and the
 * simulator's surge with its ground truth. At least 80 % of the posts about the policy linked, at most 2 % of
 * the others; the same links at any parallelism.
 */
class PolicyLinkingTest {

    private static final Path DATA = Path.of("..", "docs", "data");
    private static final Path POLICY = Path.of("..", "demo", "sample", "policy.txt");
    private static final String POLICY_ID = "江教发〔2026〕18号";
    private static final Instant START = ScenarioGenerator.RELEASED_AT;
    private static final SentinelConfig CONFIG = new ConfigLoader(k -> null).read(null);

    @Test
    void postsLabelledAboutTheFeesAreLinkedAndUnrelatedOnesAreNot(@TempDir Path work) throws Exception {
        Map<String, Boolean> labels = LinkingScore.readLabels(DATA.resolve("linking-cases-labels.tsv"));
        List<ItemLink> links = links(List.of(new OfflineRecords.Input(DATA.resolve("linking-cases.jsonl").toString(), false, null)),
                POLICY, work, 1);

        LinkingScore score = LinkingScore.of(labels, linkedTo(links));

        System.out.println("labelled cases: " + score.summary());
        assertThat(labels).hasSizeGreaterThanOrEqualTo(200);
        assertThat(score.about()).isGreaterThanOrEqualTo(100);
        assertThat(score.recall()).as(score.summary()).isGreaterThanOrEqualTo(0.8);
        assertThat(score.falseLinkRate()).as(score.summary()).isLessThanOrEqualTo(0.02);
        assertThat(links).filteredOn(l -> l.evidence().equals("SUBJECT"))
                .allSatisfy(l -> assertThat(l.confidence()).isBetween(0.4, 0.85)).isNotEmpty();
    }

    @Test
    void theSurgesPostsAboutThePolicyAreLinkedAndTheOthersAreNotTheSameAtParallelismOneAndTwo(@TempDir Path work)
            throws Exception {
        PolicySimulator simulator = new PolicySimulator(ScenarioFiles.DEFAULT_SEED);
        Simulation simulation = simulator.simulate("surge", START);
        Path files = work.resolve("files");
        simulation.write(files);
        List<OfflineRecords.Input> items = new ArrayList<>();
        for (Channel channel : List.of(Channel.NEWS, Channel.WEIBO, Channel.WECHAT)) {
            items.add(new OfflineRecords.Input(files.resolve(channel.id() + ".jsonl").toString(), false, channel));
        }
        Map<String, Boolean> truth = new HashMap<>();
        for (SimulatedPost post : simulator.posts("surge", START)) {
            truth.put(post.item().id(), post.topic() == SimulatedPost.Topic.POLICY);
        }

        List<ItemLink> one = links(items, files.resolve("policy.txt"), work.resolve("1"), 1);
        List<ItemLink> two = links(items, files.resolve("policy.txt"), work.resolve("2"), 2);
        LinkingScore score = LinkingScore.of(truth, linkedTo(one));

        System.out.println("surge scenario: " + score.summary());
        assertThat(score.about()).isGreaterThan(1000);
        assertThat(score.recall()).as(score.summary()).isGreaterThanOrEqualTo(0.8);
        assertThat(score.falseLinkRate()).as(score.summary()).isLessThanOrEqualTo(0.02);
        assertThat(two).hasSize(one.size()).isEqualTo(one);
    }

    private static List<String> linkedTo(List<ItemLink> links) {
        return links.stream().filter(l -> l.policyId().equals(POLICY_ID)).map(ItemLink::itemId).toList();
    }

    private static List<ItemLink> links(List<OfflineRecords.Input> items, Path policy, Path work, int parallelism) throws Exception {
        return new OfflineScoring(CONFIG.monitor(), CONFIG.ingest(), null).withParallelism(parallelism)
                .run(StreamExecutionEnvironment.getExecutionEnvironment(), List.of(policy), items, START.plus(Duration.ofDays(8)),
                        work).links();
    }
}
