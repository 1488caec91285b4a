package org.yqsentinel.report.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.yqsentinel.report.SampleCase.beijing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.Tier;
import org.yqsentinel.report.CaseDelivery;
import org.yqsentinel.report.CaseFile;
import org.yqsentinel.report.Redaction;
import org.yqsentinel.report.SampleCase;
import org.yqsentinel.report.brief.Propagation.Chain;
import org.yqsentinel.report.brief.Timeline.BucketCounts;

class CaseFactsTest {

    private static final Redaction REDACTION = new Redaction(new PersonalDataMasker());
    private static final CaseFile FILE = SampleCase.file();
    private static final CaseFacts FACTS = CaseFacts.of(FILE, REDACTION);

    @Test
    void bucketsAreBeijingHoursFromTheFirstPostToTheLastRiskWindow() {
        TimeBuckets buckets = FACTS.timeline().buckets();
        assertThat(buckets.step()).isEqualTo(Duration.ofHours(1));
        assertThat(buckets.start()).isEqualTo(beijing(3, 9, 0));  // the first post is at 09:05
        Instant lastWindow = FILE.series().get(FILE.series().size() - 1).windowEnd();
        assertThat(buckets.indexOf(lastWindow)).isEqualTo(buckets.count() - 1);
        assertThat(buckets.count()).isEqualTo(Duration.between(beijing(3, 9, 0), lastWindow).toHours() + 1);
    }

    @Test
    void everyPostIsCountedInTheBucketItWasPublishedIn() {
        List<BucketCounts> counts = FACTS.timeline().counts();
        assertThat(counts.stream().mapToLong(BucketCounts::posts).sum()).isEqualTo(FILE.posts().size());
        for (BucketCounts bucket : counts) {
            long published = FILE.posts().stream().map(post -> post.item().publishedAt())
                    .filter(at -> !at.isBefore(bucket.start()) && at.isBefore(bucket.end())).count();
            assertThat(bucket.posts()).as("posts from %s", bucket.start()).isEqualTo(published);
        }
    }

    @Test
    void negativeShareIsTheBucketsNegativePostsOverItsPosts() {
        assertThat(bucketAt(beijing(3, 10, 0)).negativeShare()).isEqualTo(1.0);   // two angry or sad reactions
        assertThat(bucketAt(beijing(3, 13, 0)).negativeShare()).isEqualTo(1.0 / 3);  // surprised, angry, and a neutral repost
        assertThat(bucketAt(beijing(3, 9, 0)).negativeShare()).isEqualTo(0.0);    // the announcement and the report
        assertThat(bucketAt(beijing(4, 3, 0)).posts()).isZero();
        assertThat(bucketAt(beijing(4, 3, 0)).negativeShare()).isNull();
    }

    @Test
    void eachBucketKeepsTheHighestScoreOfTheWindowsEndingInIt() {
        assertThat(bucketAt(SampleCase.peakWindowEnd()).maxScore()).isEqualTo(74.5);
        assertThat(bucketAt(beijing(3, 11, 0)).maxScore()).isNull();
        long scored = FACTS.timeline().counts().stream().filter(b -> b.maxScore() != null).count();
        assertThat(scored).isEqualTo(FILE.series().size());
    }

    @Test
    void tierChangesFollowTheAlertsWithTheirAcknowledgement() {
        List<Timeline.TierChange> changes = FACTS.timeline().tierChanges();
        assertThat(changes).extracting(Timeline.TierChange::type)
                .containsExactly(AlertEventType.OPENED, AlertEventType.ESCALATED, AlertEventType.ESCALATED);
        assertThat(changes).extracting(Timeline.TierChange::tier).containsExactly(Tier.IV_BLUE, Tier.III_YELLOW, Tier.II_ORANGE);
        assertThat(changes).extracting(Timeline.TierChange::previousTier).containsExactly(null, Tier.IV_BLUE, Tier.III_YELLOW);
        assertThat(changes).allSatisfy(change -> assertThat(change.respondBy()).isAfter(change.at()));
        assertThat(changes.get(0).acknowledgement()).isNull();
        assertThat(changes.get(1).acknowledgement().who()).isEqualTo("市教育局办公室值班员");
        assertThat(changes.get(1).acknowledgement().at()).isAfter(changes.get(1).at());
        assertThat(FACTS.currentTier()).isEqualTo(Tier.II_ORANGE);
        assertThat(FACTS.peakTier()).isEqualTo(Tier.II_ORANGE);
    }

    @Test
    void deliveriesAreCountedPerReceiverChannelAndStatus() {
        List<Handling.DeliveryTally> tallies = FACTS.handling().deliveries();
        long deliveries = FILE.deliveries().stream().filter(d -> d.kind().equals(CaseDelivery.DELIVERY)).count();
        assertThat(tallies.stream().mapToLong(Handling.DeliveryTally::count).sum()).isEqualTo(deliveries);
        assertThat(tallies).filteredOn(t -> t.receiver().equals("教育局舆情专班") && t.channel().equals("email"))
                .singleElement().satisfies(t -> {
                    assertThat(t.status()).isEqualTo("SENT");
                    assertThat(t.count()).isEqualTo(3);
                    assertThat(t.first()).isBefore(t.last());
                });
        assertThat(tallies).filteredOn(t -> t.receiver().equals("市委网信办舆情组"))
                .extracting(Handling.DeliveryTally::status, Handling.DeliveryTally::count)
                .containsExactlyInAnyOrder(tuple("FAILED", 1L), tuple("SENT", 2L));
        assertThat(FACTS.handling().acknowledgements()).singleElement()
                .satisfies(ack -> assertThat(ack.alertId()).isEqualTo(FILE.alerts().get(1).id()));
    }

    @Test
    void firstPostIsTheEarliestWithItsOutletAndChannel() {
        PostSummary first = FACTS.propagation().firstPost();
        assertThat(first.id()).isEqualTo(SampleCase.FIRST_POST);
        assertThat(first.channel()).isEqualTo(Channel.WEIBO);
        assertThat(first.outlet()).isEqualTo("江城发布");
    }

    @Test
    void firstPostOfPostsPublishedTogetherIsTheOneWithTheSmallerId() {
        Instant at = beijing(3, 9, 0);
        CaseFile file = fileOf(List.of(post("weibo:2", at, null, null), post("weibo:10", at, null, null)));
        assertThat(CaseFacts.of(file, REDACTION).propagation().firstPost().id()).isEqualTo("weibo:10");
    }

    @Test
    void chainsFollowRepostsAndReprintsBackToTheirRoot() {
        Map<String, Chain> chains = FACTS.propagation().chains().stream().collect(Collectors.toMap(Chain::rootId, Function.identity()));
        assertThat(chains.get(SampleCase.BIG_V_POST)).satisfies(chain -> {
            assertThat(chain.size()).isEqualTo(3);  // the post, a repost, and a repost of the repost
            assertThat(chain.reposts()).isEqualTo(2);
            assertThat(chain.root().author()).isNotEqualTo("教育博主林老师");
        });
        assertThat(chains.get(SampleCase.REPRINTED_REPORT)).satisfies(chain -> {
            assertThat(chain.size()).isEqualTo(4);
            assertThat(chain.reprints()).isEqualTo(3);
            assertThat(chain.channels()).containsExactlyInAnyOrder(Channel.NEWS, Channel.WECHAT);
            assertThat(chain.first()).isEqualTo(beijing(3, 9, 40));
            assertThat(chain.last()).isEqualTo(beijing(3, 18, 45));
        });
        assertThat(chains.get(SampleCase.OUTSIDE_ROOT)).satisfies(chain -> {
            assertThat(chain.root()).isNull();
            assertThat(chain.size()).isEqualTo(2);
        });
        assertThat(chains.values()).allSatisfy(chain -> assertThat(chain.size()).isGreaterThanOrEqualTo(2));
        assertThat(FACTS.propagation().chains()).extracting(Chain::size).isSortedAccordingTo(Collections.reverseOrder());
        long linked = FILE.posts().stream().filter(p -> p.item().repostOf() != null || p.item().copyOf() != null).count();
        long inChains = chains.values().stream().mapToLong(c -> c.size() - (c.root() == null ? 0 : 1)).sum();
        assertThat(inChains).isEqualTo(linked);  // every repost and reprint is in exactly one chain
    }

    @Test
    void regionsAndChannelsAccountForEveryPost() {
        Propagation propagation = FACTS.propagation();
        assertThat(propagation.regions().stream().mapToLong(Propagation.RegionCount::posts).sum() + propagation.withoutRegion())
                .isEqualTo(FILE.posts().size());
        List<Instant> jiangcheng = FILE.posts().stream().filter(p -> p.item().region() != null && "江城".equals(p.item().region().city()))
                .map(p -> p.item().publishedAt()).sorted().toList();
        assertThat(propagation.regions().get(0)).isEqualTo(new Propagation.RegionCount("广东", "江城", jiangcheng.size(),
                jiangcheng.get(0), jiangcheng.get(jiangcheng.size() - 1)));
        assertThat(propagation.channels()).extracting(Propagation.ChannelSpread::channel)
                .containsExactly(Channel.NEWS, Channel.WEIBO, Channel.WECHAT);
        assertThat(propagation.channels()).allSatisfy(spread -> {
            assertThat(spread.perBucket()).hasSize(FACTS.timeline().buckets().count());
            assertThat(spread.perBucket().stream().mapToLong(Long::longValue).sum()).isEqualTo(spread.total());
        });
    }

    @Test
    void influentialAccountsComeByFollowersAndPrivateOnesAreMasked() {
        List<Propagation.Account> accounts = FACTS.propagation().accounts();
        assertThat(accounts).hasSizeLessThanOrEqualTo(Propagation.TOP_ACCOUNTS);
        assertThat(accounts.get(0).name()).isEqualTo("江城发布");
        assertThat(accounts.get(1).name()).isEqualTo("教" + "*".repeat(6));  // a personal account, verified or not
        assertThat(accounts.get(1).posts()).isEqualTo(2);
        assertThat(accounts).extracting(Propagation.Account::name)
                .contains("江城教育", "湾区观察", "南粤家长联盟", "江城生活指南", "江" + "*".repeat(4))
                .doesNotContain("教育博主林老师", "江城老李", "江城家长圈");
        assertThat(accounts).filteredOn(a -> "personal".equals(a.accountType()))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.name()).matches(".\\*+"));
        assertThat(accounts).extracting(a -> a.followers() == null ? -1 : a.followers())
                .isSortedAccordingTo(Collections.reverseOrder());
    }

    @Test
    void keywordsAreCountedOncePerPostMostFirstTiesByWord() {
        CaseFile file = fileOf(List.of(
                post("weibo:1", beijing(3, 9, 0), Sentiment.Label.NEGATIVE, null, "涨价", "课后服务"),
                post("weibo:2", beijing(3, 10, 0), Sentiment.Label.NEGATIVE, null, "涨价", "涨价"),
                post("weibo:3", beijing(3, 11, 0), Sentiment.Label.NEUTRAL, null, "听证", "课后服务", "涨价")));
        assertThat(CaseFacts.of(file, REDACTION).opinion().keywords()).containsExactly(
                new Opinion.KeywordCount("涨价", 3), new Opinion.KeywordCount("课后服务", 2), new Opinion.KeywordCount("听证", 1));
        long withFee = FILE.posts().stream().filter(p -> p.analysis().keywords().contains("课后服务")).count();
        assertThat(FACTS.opinion().keywords().get(0)).isEqualTo(new Opinion.KeywordCount("课后服务", withFee));
    }

    @Test
    void sharesCoverEveryLabelAndAddUpToOne() {
        Opinion opinion = FACTS.opinion();
        assertThat(opinion.emotions()).extracting(Opinion.Share::label).containsExactly(Emotion.Label.values());
        assertThat(opinion.sentiments()).extracting(Opinion.Share::label).containsExactly(Sentiment.Label.values());
        assertThat(opinion.emotions().stream().mapToDouble(Opinion.Share::share).sum()).isCloseTo(1.0, offset(1e-9));
        long negative = FILE.posts().stream().filter(p -> p.analysis().sentiment().label() == Sentiment.Label.NEGATIVE).count();
        assertThat(opinion.sentiments().get(0).posts()).isEqualTo(negative);
        assertThat(opinion.sentiments().get(0).share()).isEqualTo((double) negative / FILE.posts().size());
    }

    @Test
    void representativePostsAreTheMostInteractedOfEachStanceAndDeidentified() {
        List<PostSummary> negative = FACTS.opinion().representatives().get(Sentiment.Label.NEGATIVE);
        assertThat(negative).hasSize(Opinion.REPRESENTATIVES);
        assertThat(negative).extracting(PostSummary::interactions).isSortedAccordingTo(Collections.reverseOrder());
        long mostInteractions = FILE.posts().stream().filter(p -> p.analysis().sentiment().label() == Sentiment.Label.NEGATIVE)
                .mapToLong(p -> p.item().engagement().interactions()).max().orElseThrow();
        assertThat(negative.get(0).interactions()).isEqualTo(mostInteractions);
        assertThat(negative).extracting(PostSummary::id).contains(SampleCase.PRIVATE_DATA_POST);
        assertThat(negative).allSatisfy(post -> assertThat(post.excerpt())
                .doesNotContain(SampleCase.PRIVATE_PHONE, SampleCase.PRIVATE_ID_NUMBER, SampleCase.PRIVATE_NAME)
                .hasSizeLessThanOrEqualTo(PostSummary.EXCERPT_CHARS + 1));
        assertThat(FACTS.opinion().representatives().get(Sentiment.Label.POSITIVE)).isNotEmpty()
                .allSatisfy(post -> assertThat(FILE.posts().stream().filter(p -> p.item().id().equals(post.id())).findFirst()
                        .orElseThrow().analysis().sentiment().label()).isEqualTo(Sentiment.Label.POSITIVE));
    }

    @Test
    void peakIsTheHighestWindowWithItsFactorsUnderChineseLabels() {
        Peak peak = FACTS.peak();
        assertThat(peak.windowEnd()).isEqualTo(SampleCase.peakWindowEnd());
        assertThat(peak.score()).isEqualTo(74.5);
        assertThat(peak.tier()).isEqualTo(Tier.II_ORANGE);
        assertThat(peak.factors()).extracting(Peak.FactorLine::label).contains("负面占比", "声量", "愤怒与恐慌")
                .allSatisfy(label -> assertThat(label).matches("[\\p{IsHan}V与]+"));
        assertThat(peak.factors()).extracting(Peak.FactorLine::contribution).isSortedAccordingTo(Collections.reverseOrder());
        assertThat(peak.factors()).allSatisfy(f -> assertThat(f.explanation()).startsWith(f.label() + "："));
    }

    @Test
    void peakOfEqualScoresIsTheEarliestWindow() {
        List<RiskPoint> series = new ArrayList<>(List.of(
                point(beijing(3, 12, 0), 40), point(beijing(3, 14, 0), 66), point(beijing(3, 16, 0), 66)));
        Collections.reverse(series);
        CaseFile file = new CaseFile(null, null, SampleCase.POLICY_ID, SampleCase.FROM, SampleCase.TO, List.of(), series, List.of(), List.of());
        assertThat(CaseFacts.of(file, REDACTION).peak().windowEnd()).isEqualTo(beijing(3, 14, 0));
    }

    @Test
    void theSameFileGivesTheSameFactsWhateverTheOrderOfItsLists() {
        assertThat(CaseFacts.of(SampleCase.file(), REDACTION)).isEqualTo(FACTS);
        CaseFile shuffled = new CaseFile(FILE.caseRecord(), FILE.policy(), FILE.subjectId(), FILE.from(), FILE.to(),
                reversed(FILE.alerts()), reversed(FILE.series()), reversed(FILE.posts()), reversed(FILE.deliveries()));
        assertThat(CaseFacts.of(shuffled, REDACTION)).isEqualTo(FACTS);
    }

    @Test
    void anEmptyFileGivesEmptyFacts() {
        CaseFacts facts = CaseFacts.of(fileOf(List.of()), REDACTION);
        assertThat(facts.posts()).isZero();
        assertThat(facts.timeline().isEmpty()).isTrue();
        assertThat(facts.timeline().counts()).isEmpty();
        assertThat(facts.timeline().tierChanges()).isEmpty();
        assertThat(facts.propagation().firstPost()).isNull();
        assertThat(facts.propagation().chains()).isEmpty();
        assertThat(facts.propagation().accounts()).isEmpty();
        assertThat(facts.opinion().keywords()).isEmpty();
        assertThat(facts.opinion().sentiments()).allSatisfy(share -> assertThat(share.share()).isZero());
        assertThat(facts.opinion().representatives().values()).allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(facts.peak()).isNull();
        assertThat(facts.currentTier()).isNull();
        assertThat(facts.peakTier()).isNull();
        assertThat(facts.handling().deliveries()).isEmpty();
    }

    @Test
    void longRangesGetCoarserBucketsAndNeverMoreThanTheCap() {
        Instant start = beijing(3, 9, 30);
        assertThat(TimeBuckets.covering(List.of(start, start.plus(Duration.ofDays(3)))).step()).isEqualTo(Duration.ofHours(1));
        TimeBuckets week = TimeBuckets.covering(List.of(start, start.plus(Duration.ofDays(7))));
        assertThat(week.step()).isEqualTo(Duration.ofHours(3));
        assertThat(week.start()).isEqualTo(beijing(3, 9, 0));
        TimeBuckets month = TimeBuckets.covering(List.of(start, start.plus(Duration.ofDays(30))));
        assertThat(month.step()).isEqualTo(Duration.ofHours(12));
        TimeBuckets year = TimeBuckets.covering(List.of(start, start.plus(Duration.ofDays(365))));
        assertThat(year.inDays()).isTrue();
        assertThat(year.start()).isEqualTo(beijing(3, 0, 0));
        for (TimeBuckets buckets : List.of(week, month, year)) {
            assertThat(buckets.count()).isBetween(1, TimeBuckets.MAX_BUCKETS);
            assertThat(buckets.indexOf(start.plus(Duration.ofDays(3)))).isBetween(0, buckets.count() - 1);
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static BucketCounts bucketAt(Instant at) {
        TimeBuckets buckets = FACTS.timeline().buckets();
        return FACTS.timeline().counts().get(buckets.indexOf(at));
    }

    private static CaseFile fileOf(List<EnrichedItem> posts) {
        return new CaseFile(null, null, SampleCase.POLICY_ID, SampleCase.FROM, SampleCase.TO, List.of(), List.of(), posts, List.of());
    }

    private static EnrichedItem post(String id, Instant at, Sentiment.Label stance, String repostOf, String... keywords) {
        Item item = new Item(id, Channel.WEIBO, id.substring(6), "网友", null, null, null, "课后服务", null, at, null, null, repostOf,
                null, false, null);
        Sentiment sentiment = stance == null ? null : new Sentiment(0, stance);
        return new EnrichedItem(item, new Analysis(List.of(keywords), List.of(keywords), sentiment, null, null, null));
    }

    private static RiskPoint point(Instant end, double score) {
        return new RiskPoint(RiskPoint.idOf(SampleCase.POLICY_ID, end), SampleCase.POLICY_ID, null, end.minus(Duration.ofHours(1)), end,
                score, null, 10, List.of());
    }
}
