package org.yqsentinel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.files.RawRecordFiles;
import org.yqsentinel.ingest.files.RawRecordFiles.RawLine;
import org.yqsentinel.ingest.item.ItemReader;
import org.yqsentinel.ingest.policy.PolicyReader;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.simulator.SimulatedPost.Stance;
import org.yqsentinel.simulator.SimulatedPost.Topic;
import org.yqsentinel.simulator.Simulation.Phase;

class PolicySimulatorTest {

    private static final long SEED = ScenarioFiles.DEFAULT_SEED;
    private static final Instant START = ScenarioGenerator.RELEASED_AT;
    /** The 文号 in any bracket, with or without 第, or written with 年. */
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("江教发\\s*(?:[〔\\[(（［【﹝]\\s*2026\\s*[〕\\])）］】﹞]|2026\\s*年)\\s*第?\\s*18\\s*号");
    private static final List<String> TITLES = List.of(ScenarioText.TITLE, "关于调整中小学课后服务收费标准的通知",
            "调整中小学课后服务收费标准", "课后服务收费标准");
    private static final List<String> POLICY_WORDS = List.of("课后服务", "收费", "托管", "家长", "学校", "学生", "教育", "延时", "减免",
            "学期", "补助", "减负");

    private static final PolicySimulator SIMULATOR = new PolicySimulator(SEED);
    private static final List<SimulatedPost> SURGE = SIMULATOR.posts("surge", START);
    private static final List<SimulatedPost> POSITIVE = SIMULATOR.posts("positive", START);

    @Test
    void sameSeedGivesTheSameSimulationAndAnotherSeedAnother() {
        Simulation simulation = SIMULATOR.simulate("surge", START);
        assertThat(new PolicySimulator(SEED).simulate("surge", START)).isEqualTo(simulation);
        assertThat(simulation.items()).isEqualTo(SURGE.stream().map(SimulatedPost::item).toList());
        Simulation other = new PolicySimulator(SEED + 1).simulate("surge", START);
        assertThat(other.policy()).isEqualTo(simulation.policy());
        assertThat(other.phases()).isEqualTo(simulation.phases());
        assertThat(other.items()).isNotEqualTo(simulation.items());
    }

    @Test
    void scenariosAreNamedAndAnUnknownNameIsRefusedNamingTheKnownOnes() {
        assertThat(PolicySimulator.scenarios()).startsWith(PolicySimulator.DEFAULT_SCENARIO)
                .contains("surge", "positive", "quiet", "unrelated", "emergency");
        assertThatThrownBy(() -> SIMULATOR.simulate("panic", START)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("panic").hasMessageContaining("surge, positive, quiet, unrelated, emergency");
        assertThatThrownBy(() -> new PolicySimulator(SEED, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicySimulator(SEED, PolicySimulator.MAX_RATE * 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void phasesFollowEachOtherFromTheStartCutToTheMinute() {
        Instant start = Instant.parse("2026-12-03T02:17:45.5Z");
        Map<String, List<String>> names = Map.of("surge", List.of("quiet", "unrelated", "build-up", "surge", "decay", "tail"),
                "positive", List.of("quiet", "build-up", "positive", "tail"), "quiet", List.of("quiet"),
                "unrelated", List.of("quiet", "unrelated", "tail"), "emergency", List.of("quiet", "emergency", "tail"));
        for (String scenario : PolicySimulator.scenarios()) {
            List<Phase> phases = PolicySimulator.phases(scenario, start);
            assertThat(phases).extracting(Phase::name).as(scenario).isEqualTo(names.get(scenario));
            assertThat(phases.get(0).start()).isEqualTo(Instant.parse("2026-12-03T02:17:00Z"));
            for (int i = 1; i < phases.size(); i++) {
                assertThat(phases.get(i).start()).as(scenario).isEqualTo(phases.get(i - 1).end());
            }
        }
        Simulation surge = SIMULATOR.simulate("surge", START);
        assertThat(Duration.between(surge.phase("quiet").start(), surge.phase("quiet").end())).isEqualTo(Duration.ofHours(3));
        assertThat(Duration.between(surge.phase("build-up").start(), surge.phase("build-up").end())).isEqualTo(Duration.ofHours(4));
        assertThat(Duration.between(surge.phase("surge").start(), surge.phase("surge").end())).isEqualTo(Duration.ofHours(3));
        assertThatThrownBy(() -> surge.phase("positive")).hasMessageContaining("quiet, unrelated, build-up");
    }

    @ParameterizedTest
    @ValueSource(strings = {"surge", "positive", "quiet", "unrelated", "emergency"})
    void itemsAreInPublicationOrderInsideTheirPhase(String scenario) {
        Simulation simulation = new PolicySimulator(7).simulate(scenario, START);
        List<Item> items = simulation.items();
        assertThat(items).isNotEmpty();
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).publishedAt()).isAfterOrEqualTo(items.get(i - 1).publishedAt());
        }
        Instant first = simulation.phases().get(0).start();
        Instant end = simulation.phases().get(simulation.phases().size() - 1).end();
        assertThat(items).allSatisfy(item -> assertThat(item.publishedAt()).isAfterOrEqualTo(first).isBefore(end));
        for (SimulatedPost post : new PolicySimulator(7).posts(scenario, START)) {
            assertThat(simulation.phase(post.phase()).contains(post.item().publishedAt())).as(post.item().id()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {SEED, 1, 42})
    void theSurgeCarriesAtLeast200PostsAboutThePolicyEveryHour(long seed) {
        List<SimulatedPost> posts = new PolicySimulator(seed).posts("surge", START);
        Phase surge = PolicySimulator.phases("surge", START).get(3);
        assertThat(perHour(posts, surge, p -> p.topic() == Topic.POLICY)).hasSize(3).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"surge", "positive", "quiet", "unrelated", "emergency"})
    void outsideItsOwnPhasesThePolicyIsAtMostATrickleOfTwoInformingPostsAnHour(String scenario) {
        for (long seed : new long[] {SEED, 3, 11}) {
            List<SimulatedPost> posts = new PolicySimulator(seed).posts(scenario, START);
            for (Phase phase : PolicySimulator.phases(scenario, START)) {
                if (Set.of("quiet", "tail", "unrelated", "emergency").contains(phase.name())) {
                    assertThat(perHour(posts, phase, p -> p.topic() == Topic.POLICY)).as(scenario + " " + phase.name())
                            .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
                    assertThat(posts).filteredOn(p -> p.phase().equals(phase.name()) && p.topic() == Topic.POLICY)
                            .allSatisfy(p -> assertThat(p.stance()).isEqualTo(Stance.INFORMING));
                }
            }
        }
        assertThat(new PolicySimulator(SEED).posts("quiet", START)).filteredOn(p -> p.topic() != Topic.EVERYDAY)
                .hasSizeGreaterThan(0).allSatisfy(p -> assertThat(p.topic()).isEqualTo(Topic.POLICY));
    }

    @Test
    void theBuildUpGrowsFromAFewToDozensAnHourMostlyInformingAndAsking() {
        List<Long> hours = perHour(SURGE, PolicySimulator.phases("surge", START).get(2), p -> p.topic() == Topic.POLICY);
        assertThat(hours.get(0)).isBetween(1L, 15L);
        assertThat(hours.get(3)).isBetween(25L, 60L);
        Map<Stance, Long> stances = stances(SURGE, "build-up", Topic.POLICY);
        assertThat(stances.get(Stance.INFORMING) + stances.get(Stance.QUESTION)).isGreaterThan(stances.get(Stance.NEGATIVE)
                + stances.get(Stance.POSITIVE));
        assertThat(stances.get(Stance.NEGATIVE)).isPositive();
        assertThat(stances.get(Stance.POSITIVE)).isPositive();
    }

    @Test
    void theSurgeIsNegativeWeiboHeavyWithInfluentialAccountsFromSeveralProvincesAndReposts() {
        List<SimulatedPost> surge = SURGE.stream().filter(p -> p.phase().equals("surge") && p.topic() == Topic.POLICY).toList();
        assertThat(share(surge, p -> p.stance() == Stance.NEGATIVE)).isGreaterThanOrEqualTo(0.75);
        assertThat(share(surge, p -> p.item().channel() == Channel.WEIBO)).isGreaterThan(0.7);
        assertThat(surge).extracting(p -> p.item().channel()).contains(Channel.NEWS, Channel.WECHAT);
        assertThat(surge.stream().map(SimulatedPost::item).filter(i -> i.author() != null && i.author().verified()
                && i.author().followerCount() != null && i.author().followerCount() >= 100_000).map(i -> i.author().name())
                .distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(surge.stream().map(p -> p.item().region()).filter(r -> r != null).map(r -> r.province()).distinct().count())
                .isGreaterThanOrEqualTo(5);
        assertThat(surge.stream().map(p -> p.item().region()).filter(r -> r != null && r.city() != null).map(r -> r.city())
                .distinct().count()).isGreaterThanOrEqualTo(5);
        assertThat(share(surge, p -> p.item().repostOf() != null)).isBetween(0.1, 0.4);
        assertThat(surge).anySatisfy(p -> assertThat(p.item().engagement().reposts()).isGreaterThan(1_000));
    }

    @Test
    void theWelcomeIsAsLoudAsTheOutcryAndRarelyNegative() {
        List<SimulatedPost> welcome = POSITIVE.stream().filter(p -> p.phase().equals("positive") && p.topic() == Topic.POLICY).toList();
        long outcry = SURGE.stream().filter(p -> p.phase().equals("surge") && p.topic() == Topic.POLICY).count();
        assertThat((double) welcome.size() / outcry).isBetween(0.7, 1.5);
        assertThat(share(welcome, p -> p.stance() == Stance.NEGATIVE)).isLessThanOrEqualTo(0.15);
        assertThat(share(welcome, p -> p.stance() == Stance.POSITIVE)).isGreaterThan(0.7);
    }

    @Test
    void theUnrelatedHotTopicIsLoudNegativeAndNeverNamesThePolicy() {
        List<SimulatedPost> hot = SURGE.stream().filter(p -> p.topic() == Topic.HOT_TOPIC).toList();
        assertThat(hot).allSatisfy(p -> assertThat(p.phase()).isEqualTo("unrelated"));
        assertThat(perHour(SURGE, PolicySimulator.phases("surge", START).get(1), p -> p.topic() == Topic.HOT_TOPIC).get(1))
                .isGreaterThanOrEqualTo(200);
        assertThat(share(hot, p -> p.stance() == Stance.NEGATIVE)).isGreaterThanOrEqualTo(0.7);
        for (SimulatedPost post : hot) {
            String content = content(post.item());
            assertThat(DOCUMENT_NUMBER.matcher(content).find()).as(content).isFalse();
            assertThat(TITLES).noneMatch(content::contains);
            assertThat(POLICY_WORDS.stream().filter(content::contains).count()).as(content).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theEmergencyRisesToAFewHundredPostsAnHourWithinTwentyMinutesIsNegativeAndNeverNamesThePolicy() {
        List<SimulatedPost> posts = SIMULATOR.posts("emergency", START);
        List<SimulatedPost> emergency = posts.stream().filter(p -> p.topic() == Topic.EMERGENCY).toList();
        Phase phase = PolicySimulator.phases("emergency", START).get(1);
        assertThat(emergency).allSatisfy(p -> assertThat(p.phase()).isEqualTo("emergency"));
        long firstTwenty = emergency.stream().filter(p -> p.item().publishedAt().isBefore(phase.start().plus(Duration.ofMinutes(20)))
                && p.item().publishedAt().isAfter(phase.start().plus(Duration.ofMinutes(10)))).count();
        assertThat(firstTwenty * 6).as("posts an hour at minutes 10–20").isGreaterThanOrEqualTo(150);
        assertThat(perHour(posts, phase, p -> p.topic() == Topic.EMERGENCY).get(0)).isGreaterThanOrEqualTo(200);
        assertThat(share(emergency, p -> p.stance() == Stance.NEGATIVE)).isGreaterThanOrEqualTo(0.5);
        for (SimulatedPost post : emergency) {
            String content = content(post.item());
            assertThat(DOCUMENT_NUMBER.matcher(content).find()).as(content).isFalse();
            assertThat(TITLES).noneMatch(content::contains);
            assertThat(POLICY_WORDS.stream().filter(content::contains).count()).as(content).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void postsAboutThePolicyNameItByNumberByTitleOrMostlyBySubject() {
        List<String> contents = SURGE.stream().filter(p -> p.topic() == Topic.POLICY).map(p -> content(p.item())).toList();
        Set<String> numberForms = contents.stream().flatMap(c -> DOCUMENT_NUMBER.matcher(c).results().map(m -> m.group()))
                .collect(Collectors.toSet());
        assertThat(numberForms).contains("江教发〔2026〕18号", "江教发[2026]18号", "江教发（2026）第18号");
        assertThat(contents).anySatisfy(c -> assertThat(c).contains("《关于调整中小学课后服务收费标准的通知》"));
        assertThat(contents).anySatisfy(c -> assertThat(c).contains("《调整中小学课后服务收费标准》"));
        double bySubject = share(contents, c -> !DOCUMENT_NUMBER.matcher(c).find() && TITLES.stream().noneMatch(c::contains));
        assertThat(bySubject).isBetween(0.4, 0.85);
        assertThat(contents).allSatisfy(c -> assertThat(c.contains("课后") || DOCUMENT_NUMBER.matcher(c).find()).as(c).isTrue());
        assertThat(SURGE).filteredOn(p -> p.topic() == Topic.EVERYDAY).allSatisfy(p -> {
            assertThat(content(p.item())).doesNotContain("课后");
            assertThat(DOCUMENT_NUMBER.matcher(content(p.item())).find()).isFalse();
        });
    }

    @Test
    void textsAreUniqueExceptRepostsAndReprints() {
        for (List<SimulatedPost> posts : List.of(SURGE, POSITIVE, new PolicySimulator(SEED, 5).posts("unrelated", START))) {
            List<SimulatedPost> originals = posts.stream().filter(p -> p.item().repostOf() == null).toList();
            Set<String> seen = new HashSet<>();
            Set<String> titlesAndTexts = new HashSet<>();
            for (SimulatedPost post : originals) {
                Item item = post.item();
                boolean reprint = item.channel() == Channel.NEWS && !titlesAndTexts.add(item.title() + "\n" + stripCredit(item.text()));
                if (!reprint) {
                    assertThat(seen.add(item.text())).as(item.text()).isTrue();
                }
            }
        }
    }

    @Test
    void idsAreUniqueAndDeriveFromChannelAndSourceId() {
        for (List<SimulatedPost> posts : List.of(SURGE, POSITIVE, new PolicySimulator(SEED, 5).posts("surge", START))) {
            assertThat(posts).extracting(p -> p.item().id()).doesNotHaveDuplicates();
            assertThat(posts).allSatisfy(p -> assertThat(p.item().id()).isEqualTo(Item.idOf(p.item().channel(), p.item().sourceId())));
            Set<String> ids = posts.stream().map(p -> p.item().id()).collect(Collectors.toSet());
            assertThat(posts).filteredOn(p -> p.item().repostOf() != null)
                    .allSatisfy(p -> assertThat(ids).contains(p.item().repostOf()));
        }
        Set<String> demoIds = new ScenarioGenerator(SEED).generate().items().stream().map(Item::id).collect(Collectors.toSet());
        assertThat(SURGE).noneMatch(p -> demoIds.contains(p.item().id()));
    }

    @Test
    void theRateScalesEveryCount() {
        int once = new PolicySimulator(SEED).simulate("unrelated", START).items().size();
        int thrice = new PolicySimulator(SEED, 3).simulate("unrelated", START).items().size();
        assertThat((double) thrice / once).isBetween(2.6, 3.4);
    }

    @Test
    void writtenFilesReadBackThroughTheAdaptersIntoAsManyItems(@TempDir Path dir) throws IOException {
        Simulation simulation = SIMULATOR.simulate("surge", START);
        simulation.write(dir);
        Instant seen = simulation.phases().get(simulation.phases().size() - 1).end();
        ItemReader reader = new ItemReader();
        for (Channel channel : Channel.values()) {
            String file = ScenarioFiles.fileName(channel);
            List<RawLine> lines = RawRecordFiles.split(file, Files.readAllBytes(dir.resolve(file)), false);
            assertThat(lines).as(file).hasSize(simulation.asScenario().items(channel).size());
            List<Item> read = lines.stream().map(line -> reader.read(channel, line.value(), seen)).map(result -> {
                assertThat(result).as(result.toString()).isInstanceOf(ParseResult.Accepted.class);
                return ((ParseResult.Accepted<Item>) result).record();
            }).toList();
            assertThat(read).extracting(Item::id).isEqualTo(simulation.asScenario().items(channel).stream().map(Item::id).toList());
            assertThat(read).extracting(Item::publishedAt)
                    .isEqualTo(simulation.asScenario().items(channel).stream().map(Item::publishedAt).toList());
        }
        ParseResult<PolicyDocument> policy = new PolicyReader().read(Files.readAllBytes(dir.resolve(ScenarioFiles.POLICY_FILE)), seen);
        assertThat(policy).isInstanceOf(ParseResult.Accepted.class);
        assertThat(((ParseResult.Accepted<PolicyDocument>) policy).record().id()).isEqualTo(simulation.policy().id());
        assertThat(Simulation.readPhases(dir)).isEqualTo(simulation.phases());
        assertThat(Files.readString(dir.resolve(Simulation.PHASES_FILE))).contains("\"start\" : \"2026-11-20T01:00:00Z\"");
    }

    /** Counts of the matching posts in each hour of the phase, from its start. */
    private static List<Long> perHour(List<SimulatedPost> posts, Phase phase, Predicate<SimulatedPost> which) {
        long hours = Duration.between(phase.start(), phase.end()).toHours();
        return LongStream.range(0, hours).mapToObj(h -> {
            Instant from = phase.start().plus(Duration.ofHours(h));
            Instant to = from.plus(Duration.ofHours(1));
            return posts.stream().filter(which).filter(p -> !p.item().publishedAt().isBefore(from)
                    && p.item().publishedAt().isBefore(to)).count();
        }).toList();
    }

    private static Map<Stance, Long> stances(List<SimulatedPost> posts, String phase, Topic topic) {
        Map<Stance, Long> counts = new EnumMap<>(Stance.class);
        for (Stance stance : Stance.values()) {
            counts.put(stance, posts.stream().filter(p -> p.phase().equals(phase) && p.topic() == topic && p.stance() == stance).count());
        }
        return counts;
    }

    private static <T> double share(List<T> values, Predicate<T> which) {
        return (double) values.stream().filter(which).count() / values.size();
    }

    private static String content(Item item) {
        return (item.title() == null ? "" : item.title() + "\n") + item.text();
    }

    private static String stripCredit(String text) {
        return text.replaceFirst("\n（来源：[^）]+）$", "");
    }
}
