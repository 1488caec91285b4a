package org.yqsentinel.pipeline.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.offline.OfflineRecords;
import org.yqsentinel.pipeline.offline.OfflineScoring;
import org.yqsentinel.simulator.PolicySimulator;
import org.yqsentinel.simulator.ScenarioFiles;
import org.yqsentinel.simulator.ScenarioGenerator;
import org.yqsentinel.simulator.Simulation;

/**
 * The monitor job, offline, on the simulator's scenarios around the demo policy with the bundled rules:
 * what a monitoring desk must see of each kind of public reaction.
 */
class PolicyScenariosTest {

    private static final Instant START = ScenarioGenerator.RELEASED_AT;
    private static final PolicySimulator SIMULATOR = new PolicySimulator(ScenarioFiles.DEFAULT_SEED);

    /** A scored simulation: the policy's alert events, and the emerging topics' ({@code topic:…}). */
    private record Run(Simulation simulation, List<Alert> alerts, List<Alert> topicAlerts, List<RiskPoint> series) {}

    /** A 文号 of the demo policy in any written form, and anything in 《》 or the full title: what the own-words surge leaves out. */
    private static final Pattern NAMES_THE_POLICY = Pattern.compile(
            "江教发\\s*[〔\\[(（【［﹝]?\\s*2026\\s*[〕\\])）】］﹞]?\\s*年?\\s*第?\\s*18\\s*号文?|《[^》]{0,40}》|(江城市教育局)?关于调整中小学课后服务收费标准的通知");

    private static Run score(String scenario, Path work) throws Exception {
        return score(scenario, work, false, 1);
    }

    private static Run score(String scenario, Path work, boolean ownWords) throws Exception {
        return score(scenario, work, ownWords, 1);
    }

    /**
     * @param ownWords    every post's 文号 and title replaced by 新规, as people who never read the notice write
     * @param parallelism of every operator of the job
     */
    private static Run score(String scenario, Path work, boolean ownWords, int parallelism) throws Exception {
        Simulation simulation = SIMULATOR.simulate(scenario, START);
        Path files = work.resolve("files");
        simulation.write(files);
        if (ownWords) {
            for (Channel channel : List.of(Channel.NEWS, Channel.WEIBO, Channel.WECHAT)) {
                Path file = files.resolve(channel.id() + ".jsonl");
                String text = NAMES_THE_POLICY.matcher(Files.readString(file)).replaceAll("新规");
                assertThat(text).doesNotContain("江教发", "收费标准的通知");
                Files.writeString(file, text);
            }
        }
        List<OfflineRecords.Input> items = new ArrayList<>();
        for (Channel channel : List.of(Channel.NEWS, Channel.WEIBO, Channel.WECHAT)) {
            items.add(new OfflineRecords.Input(files.resolve(channel.id() + ".jsonl").toString(), false, channel));
        }
        SentinelConfig config = new ConfigLoader(k -> null).read(null);
        OfflineScoring.Scored scored = new OfflineScoring(config.monitor().withEmergingTopics(true), null).withParallelism(parallelism)
                .run(StreamExecutionEnvironment.getExecutionEnvironment(), List.of(files.resolve("policy.txt")), items,
                        START.plus(Duration.ofDays(2)), work.resolve("work"));
        List<Alert> alerts = scored.alerts();
        List<RiskPoint> series = new ArrayList<>(scored.series());
        series.sort(Comparator.comparing(RiskPoint::id));
        return new Run(simulation, alerts.stream().filter(a -> !Alert.isTopic(a.subjectId())).toList(),
                alerts.stream().filter(a -> Alert.isTopic(a.subjectId())).toList(), series);
    }

    @Test
    void aQuietBackgroundRaisesNoAlert(@TempDir Path work) throws Exception {
        Run run = score("quiet", work);
        assertThat(run.simulation().items()).hasSizeGreaterThan(300);
        assertThat(run.alerts()).isEmpty();
        assertThat(run.topicAlerts()).isEmpty();
    }

    @Test
    void aNegativeSurgeReachesOrangeWithinHalfAnHourOfEventTime(@TempDir Path work) throws Exception {
        Run run = score("surge", work);
        Simulation.Phase surge = run.simulation().phase("surge");
        Alert orange = run.alerts().stream().filter(a -> a.tier().compareTo(Tier.II_ORANGE) >= 0).findFirst().orElseThrow();
        assertThat(orange.windowEnd()).isAfter(surge.start()).isBeforeOrEqualTo(surge.start().plus(Duration.ofMinutes(30)));
        assertThat(orange.type()).isIn(AlertEventType.OPENED, AlertEventType.ESCALATED);
        assertThat(orange.respondBy()).isBeforeOrEqualTo(orange.windowEnd().plus(Duration.ofHours(24)));
        // the quiet start and the unrelated crash before the build-up raise nothing of the policy's
        Instant buildUp = run.simulation().phase("build-up").start();
        assertThat(run.alerts()).allSatisfy(a -> assertThat(a.windowEnd()).isAfter(buildUp));
        // the crash is a topic of its own, and the policy's surge raises no topic besides the policy's alert
        crashIsATopic(run);
        assertThat(run.topicAlerts()).allSatisfy(a -> assertThat(a.subjectId()).isEqualTo(run.topicAlerts().get(0).subjectId()));
        // the episode ends: after the tail the last event resolves it, and it is one case from the first alert on
        Alert last = run.alerts().get(run.alerts().size() - 1);
        assertThat(last.type()).isEqualTo(AlertEventType.RESOLVED);
        assertThat(run.alerts()).extracting(Alert::caseId).containsOnly(run.alerts().get(0).caseId());
    }

    @Test
    void aSurgeInPeoplesOwnWordsWithoutTheDocumentNumberOrTitleReachesOrangeWithinHalfAnHour(@TempDir Path work) throws Exception {
        Run run = score("surge", work, true);
        Simulation.Phase surge = run.simulation().phase("surge");
        Alert orange = run.alerts().stream().filter(a -> a.tier().compareTo(Tier.II_ORANGE) >= 0).findFirst().orElseThrow();
        assertThat(orange.windowEnd()).isAfter(surge.start()).isBeforeOrEqualTo(surge.start().plus(Duration.ofMinutes(30)));
        Instant buildUp = run.simulation().phase("build-up").start();
        assertThat(run.alerts()).allSatisfy(a -> assertThat(a.windowEnd()).isAfter(buildUp));
        crashIsATopic(run);
        assertThat(run.topicAlerts()).allSatisfy(a -> assertThat(a.subjectId()).isEqualTo(run.topicAlerts().get(0).subjectId()));
    }

    /** The unrelated crash raises a topic alert at Ⅲ or above within half an hour, titled by its place and words, and one case. */
    private static void crashIsATopic(Run run) {
        Simulation.Phase crash = run.simulation().phase("unrelated");
        Alert yellow = run.topicAlerts().stream().filter(a -> a.tier().compareTo(Tier.III_YELLOW) >= 0).findFirst().orElseThrow();
        assertThat(yellow.windowEnd()).isAfter(crash.start()).isBeforeOrEqualTo(crash.start().plus(Duration.ofMinutes(30)));
        assertThat(yellow.subjectTitle()).containsAnyOf("渣土", "公交", "车祸");
        assertThat(yellow.subjectTitle()).as("the place as the posts write it, not the tagger's 大道").startsWith("江北大道 ");
        assertThat(yellow.responseClasses()).extracting(c -> c.name()).contains("突发事件");
        List<Alert> ofTheCrash = run.topicAlerts().stream().filter(a -> a.subjectId().equals(yellow.subjectId())).toList();
        assertThat(ofTheCrash).extracting(Alert::caseId).containsOnly(yellow.caseId());
        assertThat(ofTheCrash.get(ofTheCrash.size() - 1).type()).isEqualTo(AlertEventType.RESOLVED);
    }

    @Test
    void anEmergencyToldInManyWordingsRaisesOneTopicAlertAtIIIOrAboveWithinHalfAnHourTitledByItsPlaceAndWords(@TempDir Path work)
            throws Exception {
        Run run = score("emergency", work);
        Simulation.Phase emergency = run.simulation().phase("emergency");
        assertThat(run.simulation().items(emergency)).hasSizeGreaterThan(800);
        assertThat(run.alerts()).as("nothing of the policy's").isEmpty();
        Alert yellow = run.topicAlerts().stream().filter(a -> a.tier().compareTo(Tier.III_YELLOW) >= 0).findFirst().orElseThrow();
        assertThat(yellow.windowEnd()).isAfter(emergency.start()).isBeforeOrEqualTo(emergency.start().plus(Duration.ofMinutes(30)));
        assertThat(yellow.subjectTitle()).startsWith("江城").containsAnyOf("隧道", "坍塌", "塌方");
        assertThat(yellow.subjectTitle()).as("the posts' 江北新区, not the keyword 新区").contains(" 江北新区");
        assertThat(yellow.responseClasses()).extracting(c -> c.name()).contains("突发事件");
        assertThat(run.topicAlerts()).extracting(Alert::subjectId).as("one topic").containsOnly(yellow.subjectId());
        assertThat(run.topicAlerts().get(run.topicAlerts().size() - 1).type()).isEqualTo(AlertEventType.RESOLVED);
    }

    @Test
    void aSecondRunAndARunAtParallelismTwoGiveTheSameTopicAlertsIdsAndScores(@TempDir Path work) throws Exception {
        Run once = score("emergency", work.resolve("1"), false, 1);
        Run again = score("emergency", work.resolve("2"), false, 1);
        Run parallel = score("emergency", work.resolve("3"), false, 2);

        assertThat(once.topicAlerts()).isNotEmpty();
        assertThat(once.series()).anySatisfy(p -> assertThat(Alert.isTopic(p.subjectId())).isTrue());
        assertThat(again.topicAlerts()).isEqualTo(once.topicAlerts());
        assertThat(again.series()).isEqualTo(once.series());
        assertThat(parallel.topicAlerts()).isEqualTo(once.topicAlerts());
        assertThat(parallel.alerts()).isEqualTo(once.alerts());
        assertThat(parallel.series()).isEqualTo(once.series());
    }

    @Test
    void aPositiveReceptionStaysAtBlueAtMost(@TempDir Path work) throws Exception {
        Run run = score("positive", work);
        Simulation.Phase welcome = run.simulation().phase("positive");
        assertThat(run.simulation().items(welcome)).hasSizeGreaterThan(1000);
        assertThat(run.alerts()).allSatisfy(a -> assertThat(a.tier()).isEqualTo(Tier.IV_BLUE));
        assertThat(run.topicAlerts()).isEmpty();
    }

    @Test
    void anUnrelatedHotTopicDoesNotRaiseThePolicysTierButATopicAlertOfItsOwn(@TempDir Path work) throws Exception {
        Run run = score("unrelated", work);
        assertThat(run.simulation().items(run.simulation().phase("unrelated"))).hasSizeGreaterThan(900);
        assertThat(run.alerts()).isEmpty();
        crashIsATopic(run);
    }
}
