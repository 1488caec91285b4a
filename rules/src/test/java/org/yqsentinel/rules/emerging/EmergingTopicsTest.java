package org.yqsentinel.rules.emerging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.NamedEntity;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.ResponseEffect;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.risk.CaseBook;
import org.yqsentinel.rules.risk.RiskRules;

/**
 * Emerging topics on streams built here: an everyday background of a city's chatter (its words each hour as the day
 * goes), and events told in many wordings. The words stand for what enrichment gives (keywords, places, hashtags).
 */
class EmergingTopicsTest {

    private static final EmergingRules RULES = EmergingRules.load(RuleFiles.bundled());
    private static final RiskRules RISK = RiskRules.load(RuleFiles.bundled());
    private static final Instant DAY = Instant.parse("2026-11-20T16:00:00Z");  // midnight in Beijing
    private static final Region CITY = new Region("湖北", "江城", null);

    /** Everyday themes: the words posts about them use. */
    private static final String[][] EVERYDAY = {
        {"天气", "降温", "外套", "大雾", "晚霞"}, {"美食", "牛腩粉", "夜市", "早茶", "咖啡"}, {"江城队", "主场", "点球", "球迷"},
        {"地铁", "早高峰", "换乘", "信号", "站台"}, {"萌宠", "橘猫", "柯基", "遛狗"}, {"演唱会", "博物馆", "话剧", "书展"},
        {"跑步", "绿道", "马拉松"}, {"加班", "周报", "同事", "午饭", "外卖"}};
    /** A tunnel collapse in 东莞 told in many wordings. */
    private static final String[] TUNNEL = {"隧道", "坍塌", "塌方", "被困", "救援", "工人", "施工", "事故", "东莞隧道坍塌"};
    /** A fire in a market in 江城 the same hour. */
    private static final String[] FIRE = {"火灾", "起火", "浓烟", "消防", "市场", "烧毁", "商户", "江城市场大火"};

    private record Stream(List<TopicPost> posts) {}

    private static TopicPost post(String id, Instant at, List<String> words, List<String> places, boolean negative, Emotion.Label emotion,
                                  String livelihood, long followers) {
        Item item = new Item(id, Channel.WEIBO, id, "微博", new Author("网友" + id, followers, false, null), null, null,
                String.join("，", words), "https://m.weibo.cn/status/" + id, at, new Engagement(2L, 1L, 5L, null), CITY, null, null, false,
                null);
        List<NamedEntity> entities = places.stream().map(p -> new NamedEntity(NamedEntity.Kind.PLACE, p, 0, p.length())).toList();
        Analysis analysis = new Analysis(words, words, new Sentiment(negative ? -0.8 : 0.3, negative ? Sentiment.Label.NEGATIVE
                : Sentiment.Label.NEUTRAL), new Emotion(emotion, 0.7), livelihood == null ? List.of()
                : List.of(new TopicHit(livelihood, 1, "应急管理局", List.of())), entities);
        EnrichedItem enriched = new EnrichedItem(item, analysis);
        return new TopicPost(enriched, TopicWords.of(enriched, RULES));
    }

    /** Everyday chatter from {@code from} for {@code hours}: about 30 posts an hour, more in the evening, the themes by the hour. */
    private static List<TopicPost> everyday(Instant from, int hours, Random random) {
        List<TopicPost> posts = new ArrayList<>();
        for (int minute = 0; minute < hours * 60; minute++) {
            Instant at = from.plus(Duration.ofMinutes(minute));
            int hour = (int) ((Duration.between(DAY, at).toHours() % 24 + 24) % 24);
            double perMinute = (hour < 7 ? 8 : hour >= 20 ? 45 : 30) / 60.0;
            if (random.nextDouble() >= perMinute) {
                continue;
            }
            // the metro in the rush hours, lunch at noon: the day's rhythm in words
            int theme = (hour == 8 || hour == 18) && random.nextBoolean() ? 3 : hour == 12 && random.nextBoolean() ? 7
                    : random.nextInt(EVERYDAY.length);
            List<String> words = pick(EVERYDAY[theme], 2 + random.nextInt(2), random);
            posts.add(post("d" + at.toEpochMilli() + "-" + posts.size(), at.plusSeconds(random.nextInt(60)), words, List.of(),
                    random.nextInt(10) == 0, Emotion.Label.NEUTRAL, null, 100));
        }
        return posts;
    }

    /** An event from {@code from}: rising to {@code perHour} posts an hour in 20 minutes, for {@code minutes}, in many wordings. */
    private static List<TopicPost> event(String prefix, String[] vocabulary, String place, Instant from, int minutes, int perHour,
                                         Random random) {
        List<TopicPost> posts = new ArrayList<>();
        for (int minute = 0; minute < minutes; minute++) {
            double rate = perHour / 60.0 * Math.min(1, (minute + 1) / 20.0);
            int count = (int) rate + (random.nextDouble() < rate - (int) rate ? 1 : 0);
            for (int i = 0; i < count; i++) {
                Instant at = from.plus(Duration.ofMinutes(minute)).plusSeconds(random.nextInt(60));
                List<String> words = new ArrayList<>(pick(vocabulary, 2 + random.nextInt(3), random));
                boolean named = random.nextInt(3) > 0;
                posts.add(post(prefix + minute + "-" + i, at, words, named ? List.of(place) : List.of(), random.nextInt(10) < 8,
                        random.nextBoolean() ? Emotion.Label.ANGRY : Emotion.Label.FEAR, "安全生产", random.nextInt(20) == 0 ? 500_000 : 300));
            }
        }
        return posts;
    }

    private static List<String> pick(String[] from, int n, Random random) {
        List<String> words = new ArrayList<>(List.of(from));
        Collections.shuffle(words, random);
        return List.copyOf(words.subList(0, Math.min(n, words.size())));
    }

    /** Runs the stream through the detector slide by slide; the alerts it raised. */
    private static List<Alert> run(List<TopicPost> stream, EmergingTopics topics) {
        return run(stream, topics, false);
    }

    /**
     * The same, with the detector rebuilt after every slide when {@code restore} (as after a restart) from what it had
     * written: the slides it changed since the slide before, the slides it emptied removed, the posts it was given less
     * those that left the window, and its topics.
     */
    private static List<Alert> run(List<TopicPost> stream, EmergingTopics detector, boolean restore) {
        EmergingTopics[] topics = {detector};
        Map<Long, EmergingTopics.Slide> written = new TreeMap<>();
        Map<String, TopicPost> kept = new LinkedHashMap<>();
        Map<String, CaseRecord> cases = new TreeMap<>();
        List<TopicPost> ordered = new ArrayList<>(stream);
        ordered.sort(Comparator.comparing(p -> p.post().item().publishedAt()));
        List<Alert> raised = new ArrayList<>();
        long slide = RULES.slide().toMillis();
        long next = (Math.floorDiv(ordered.get(0).post().item().publishedAt().toEpochMilli(), slide) + 1) * slide;
        for (TopicPost post : ordered) {
            while (post.post().item().publishedAt().toEpochMilli() >= next) {
                raised.addAll(topics[0].close(Instant.ofEpochMilli(next)).alerts());
                next += slide;
                if (restore) {
                    EmergingTopics.Changes changes = topics[0].changes();
                    changes.changed().forEach(changed -> written.put(changed.number(), changed));
                    changes.removed().forEach(written::remove);
                    changes.postsLeft().forEach(kept::remove);
                    changes.cases().forEach(c -> cases.put(c.id(), c));
                    changes.casesRemoved().forEach(cases::remove);
                    topics[0] = EmergingTopics.of(List.copyOf(written.values()), List.copyOf(kept.values()), List.copyOf(cases.values()),
                            topics[0].topicsState(), RULES, RISK, Set.of(), QUOTE);
                }
            }
            topics[0].add(post);
            if (!post.claimed()) {
                kept.put(post.itemId(), post);
            }
        }
        long last = ordered.get(ordered.size() - 1).post().item().publishedAt().toEpochMilli() + Duration.ofHours(4).toMillis();
        for (; next <= last; next += slide) {
            raised.addAll(topics[0].close(Instant.ofEpochMilli(next)).alerts());
        }
        return raised;
    }

    private static final Function<Item, PostRef> QUOTE = item -> new PostRef(item.id(), item.channel(), item.source(),
            item.url(), item.publishedAt(), item.text(), 0);

    private static EmergingTopics detector() {
        return new EmergingTopics(RULES, RISK, Set.of(), QUOTE);
    }

    @Test
    void anAccidentToldInManyWordingsRaisesATopicAlertAtIIIOrAboveWithinHalfAnHourTitledByItsPlaceAndWords() {
        Random random = new Random(7);
        Instant accident = DAY.plus(Duration.ofHours(10));
        List<TopicPost> stream = new ArrayList<>(everyday(DAY, 16, random));
        stream.addAll(event("t", TUNNEL, "东莞", accident, 120, 300, random));

        List<Alert> alerts = run(stream, detector());

        Alert first = alerts.stream().filter(a -> a.tier().compareTo(Tier.III_YELLOW) >= 0).findFirst().orElseThrow();
        assertThat(first.windowEnd()).isBefore(accident.plus(Duration.ofMinutes(30)).plusMillis(1));
        assertThat(first.subjectId()).startsWith("topic:");
        assertThat(first.subjectTitle()).startsWith("东莞").containsAnyOf("隧道", "坍塌", "塌方");
        assertThat(alerts).extracting(Alert::subjectId).as("one topic, one case").containsOnly(first.subjectId());
        assertThat(alerts).extracting(Alert::caseId).containsOnly(alerts.get(0).caseId());
        assertThat(alerts.get(alerts.size() - 1).type().name()).isEqualTo("RESOLVED");
    }

    @Test
    void aQuietDayAndADayOfOrdinaryRhythmsRaiseNothing() {
        Random random = new Random(11);
        assertThat(run(everyday(DAY, 72, random), detector())).isEmpty();
    }

    @Test
    void twoEventsInTheSameHourAreTwoTopics() {
        Random random = new Random(3);
        Instant accident = DAY.plus(Duration.ofHours(10));
        List<TopicPost> stream = new ArrayList<>(everyday(DAY, 14, random));
        stream.addAll(event("t", TUNNEL, "东莞", accident, 90, 300, random));
        stream.addAll(event("f", FIRE, "江城", accident.plus(Duration.ofMinutes(10)), 90, 250, random));

        List<Alert> alerts = run(stream, detector());

        assertThat(alerts.stream().map(Alert::subjectId).distinct().toList()).as(alerts.stream().map(a -> a.subjectId() + " " + a.type() + " " + a.tier() + " " + a.windowEnd()).toList().toString()).hasSize(2);
        assertThat(alerts.stream().map(Alert::subjectTitle).distinct().toList())
                .anySatisfy(t -> assertThat(t).startsWith("东莞")).anySatisfy(t -> assertThat(t).startsWith("江城"));
    }

    @Test
    void aBurstAboutAWatchedPolicyInWordsItsLinkingMissedIsLeftToThePolicy() {
        Random random = new Random(9);
        Instant surge = DAY.plus(Duration.ofHours(10));
        List<TopicPost> stream = new ArrayList<>(everyday(DAY, 14, random));
        // the same outcry, two posts in five linked to the policy (claimed), the rest in words the linking missed
        List<TopicPost> outcry = event("p", new String[] {"新规", "课后服务", "涨价", "家长", "负担"}, "江城", surge, 90, 300, random);
        for (int i = 0; i < outcry.size(); i++) {
            TopicPost post = outcry.get(i);
            stream.add(i % 5 < 2 ? new TopicPost(post.post(), post.words(), true) : post);
        }
        assertThat(run(stream, detector())).isEmpty();

        // the same posts with none linked are a topic of their own
        List<TopicPost> unclaimed = new ArrayList<>(everyday(DAY, 14, new Random(9)));
        unclaimed.addAll(event("p", new String[] {"新规", "课后服务", "涨价", "家长", "负担"}, "江城", surge, 90, 300, new Random(10)));
        assertThat(run(unclaimed, detector())).isNotEmpty();
    }

    @Test
    void theSameStreamGivesTheSameIdsAndScores() {
        List<TopicPost> stream = new ArrayList<>(everyday(DAY, 14, new Random(5)));
        stream.addAll(event("t", TUNNEL, "东莞", DAY.plus(Duration.ofHours(10)), 90, 300, new Random(6)));
        List<TopicPost> shuffled = new ArrayList<>(stream);
        Collections.shuffle(shuffled, new Random(1));

        List<Alert> once = run(stream, detector());
        assertThat(once).isNotEmpty();
        assertThat(run(shuffled, detector())).isEqualTo(once);
        assertThat(run(stream, detector(), true)).as("rebuilt from its state after every slide").isEqualTo(once);

        // every post added before the first window closes, as when the watermark jumps far ahead: a window's close looks
        // only at its own slides
        EmergingTopics ahead = detector();
        List<TopicPost> ordered = new ArrayList<>(stream);
        ordered.sort(Comparator.comparing(p -> p.post().item().publishedAt()));
        ordered.forEach(ahead::add);
        long slide = RULES.slide().toMillis();
        long first = (Math.floorDiv(ordered.get(0).post().item().publishedAt().toEpochMilli(), slide) + 1) * slide;
        long last = ordered.get(ordered.size() - 1).post().item().publishedAt().toEpochMilli() + Duration.ofHours(4).toMillis();
        List<Alert> aheadAlerts = new ArrayList<>();
        for (long end = first; end <= last; end += slide) {
            aheadAlerts.addAll(ahead.close(Instant.ofEpochMilli(end)).alerts());
        }
        assertThat(aheadAlerts).as("posts added ahead of their windows").isEqualTo(once);
    }

    @Test
    void aTopicsCaseTakesPeoplesStepsAndTheEffectOfItsResponseIsMeasuredOnTheTopicsPosts() {
        Random random = new Random(7);
        Instant accident = DAY.plus(Duration.ofHours(10));
        List<TopicPost> stream = new ArrayList<>(everyday(DAY, 20, random));
        List<TopicPost> tunnel = event("t", TUNNEL, "东莞", accident, 120, 300, random);
        stream.addAll(tunnel);
        stream.sort(Comparator.comparing(p -> p.post().item().publishedAt()));
        EmergingTopics detector = detector();
        Instant acked = accident.plus(Duration.ofMinutes(30));
        Instant responded = accident.plus(Duration.ofMinutes(62));
        List<CaseRecord> written = new ArrayList<>();
        String[] caseId = {null};
        long slide = RULES.slide().toMillis();
        long next = (Math.floorDiv(stream.get(0).post().item().publishedAt().toEpochMilli(), slide) + 1) * slide;
        long last = accident.plus(Duration.ofHours(9)).toEpochMilli();
        int p = 0;
        for (; next <= last; next += slide) {
            while (p < stream.size() && stream.get(p).post().item().publishedAt().toEpochMilli() < next) {
                detector.add(stream.get(p++));
            }
            written.addAll(detector.close(Instant.ofEpochMilli(next)).cases());
            Instant now = Instant.ofEpochMilli(next);
            if (now.equals(acked)) {
                CaseRecord open = detector.cases().get(0);
                caseId[0] = open.id();
                assertThatThrownBy(() -> detector.apply(step(CaseStep.Step.CLOSE, "case:topic:nothing", open.subjectId(), now)))
                        .isInstanceOf(CaseBook.StepRefused.class).hasMessageContaining("is not held by the job");
                assertThat(detector.apply(step(CaseStep.Step.ACK, open.id(), open.subjectId(), now)).status()).isEqualTo(CaseStatus.HANDLING);
            }
            if (now.equals(responded.plus(Duration.ofMinutes(8)))) {
                CaseRecord open = detector.cases().get(0);
                CaseStep respond = step(CaseStep.Step.RESPOND, open.id(), open.subjectId(), responded);
                assertThat(detector.apply(respond).status()).isEqualTo(CaseStatus.RESPONDED);
                assertThat(detector.apply(respond)).as("the same step again").isNull();
            }
        }
        CaseRecord evaluated = detector.cases().stream().filter(c -> c.id().equals(caseId[0])).findFirst().orElseThrow();
        assertThat(evaluated.status()).isEqualTo(CaseStatus.EVALUATING);
        assertThat(written).extracting(CaseRecord::id).containsOnly(caseId[0]);
        assertThat(written.get(written.size() - 1)).isEqualTo(evaluated);
        ResponseEffect effect = evaluated.responses().get(0).effect();
        Instant respondSlide = Instant.ofEpochMilli(Math.floorDiv(responded.toEpochMilli(), slide) * slide);
        // every post of the tunnel names the topic's words: the periods hold the tunnel's posts before and after the response
        assertThat(effect.before().posts()).isEqualTo(tunnel.stream().filter(t -> t.post().item().publishedAt().isBefore(respondSlide)).count());
        assertThat(effect.after().posts()).isEqualTo(tunnel.stream().filter(t -> !t.post().item().publishedAt().isBefore(respondSlide)).count());
        assertThat(effect.before().negative()).isPositive().isLessThan(effect.before().posts());
    }

    private static CaseStep step(CaseStep.Step kind, String caseId, String subjectId, Instant at) {
        return kind == CaseStep.Step.RESPOND ? new CaseStep(kind, caseId, subjectId, "值班员王", at, "官方微博", null, "东莞隧道坍塌事故情况通报", null)
                : new CaseStep(kind, caseId, subjectId, "值班员王", at, null, null, kind == CaseStep.Step.ACK ? null : "结案", null);
    }
}
