package org.yqsentinel.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.GeoPoint;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.NamedEntity;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.PolicyLink;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.ResponseEffect;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.pipeline.control.ControlEvent;
import org.yqsentinel.pipeline.control.GivenPolicies;
import org.yqsentinel.pipeline.link.LinkedPost;
import org.yqsentinel.pipeline.read.ReadRecord;
import org.yqsentinel.pipeline.risk.RiskInput;
import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.control.ControlMessage;
import org.yqsentinel.rules.emerging.EmergingTopics;
import org.yqsentinel.rules.emerging.TopicPost;
import org.yqsentinel.rules.emerging.WordHistory;
import org.yqsentinel.rules.risk.AlertMaker;
import org.yqsentinel.rules.risk.CaseBook;
import org.yqsentinel.rules.risk.TierTracker;
import org.yqsentinel.rules.risk.WatchedPolicy;
import org.yqsentinel.rules.risk.WindowTally;

/** Records between operators and in state must be Flink POJOs (not Kryo generics) and survive its serializer, immutable lists included. */
class FlinkTypesTest {

    private static final CaseStep STEP = new CaseStep(CaseStep.Step.RESPOND, "case:p/opened/ii_orange/1", "p", "王晓明",
            Instant.parse("2026-11-20T03:30:00Z"), "官方微博", "https://weibo.com/1/2", "说明", null);

    static List<Object> records() {
        Item item = new Item("weibo:1", Channel.WEIBO, "1", "微博", new Author("甲", 10L, true, "media"), null, null, "正文",
                "https://m.weibo.cn/status/1", Instant.parse("2026-11-20T02:00:00Z"), new Engagement(1L, null, 3L, null),
                new Region("广东", "广州", new GeoPoint(23.1, 113.3)), "weibo:0", "weibo:00", true, "00ff00ff00ff00ff");
        EnrichedItem enriched = new EnrichedItem(item, new Analysis(List.of("正文", "学费"), List.of("学费"),
                new Sentiment(-0.5, Sentiment.Label.NEGATIVE), new Emotion(Emotion.Label.ANGRY, 0.61), List.of(new TopicHit("教育", 2, "教育局", List.of("学费"))),
                List.of(new NamedEntity(NamedEntity.Kind.PERSON, "张三", 0, 2)),
                List.of(new PolicyLink("江教发〔2026〕18号", "DOCUMENT_NUMBER", "江教发〔2026〕18号", 1))));
        PolicyDocument policy = new PolicyDocument("江教发〔2026〕18号", "江教发〔2026〕18号", new DocumentNumber("江教发", 2026, 18), null,
                "关于调整课后服务收费标准的通知", "江城市教育局", LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), null,
                List.of("教育"), "正文", null);
        WatchedPolicy watched = new WatchedPolicy(policy, List.of("课后服务", "收费"), 0.4,
                List.of(new Factor("诉求词:收费", 2, 1, 0.15, "出现「收费」2 处")), "江城市教育局", "教育",
                new Region("湖北", "江城", new GeoPoint(30.59, 114.31)));
        Instant end = Instant.parse("2026-11-20T03:00:00Z");
        PostRef quoted = new PostRef("weibo:1", Channel.WEIBO, "微博", null, end, "正文", 4);
        Alert alert = new Alert("p/opened/ii_orange/1", AlertEventType.OPENED, "p", "标题", "case:p/opened/ii_orange/1",
                Tier.II_ORANGE, null, 70, end.minusSeconds(3600), end, List.of(new Factor("volume", 1, 0.5, 30, "声量")),
                List.of(quoted), "江城市教育局", watched.topic(), watched.region(), end.plusSeconds(86400));
        return List.of(item, enriched, watched, alert, CaseBook.apply(null, alert),
                new RiskPoint("p/1", "p", "标题", end.minusSeconds(3600), end, 70, Tier.II_ORANGE, 12, alert.factors()),
                new LinkedPost("p", enriched),
                new WindowTally().toBucket(),
                new AlertMaker.Episode(new TierTracker.State(Tier.II_ORANGE, end, Tier.II_ORANGE), "case:x"),
                ControlEvent.of(watched),
                ControlEvent.of(new ControlMessage.RulesUpdate("risk.yaml", "window: {}", end)),
                ControlEvent.of(new ControlMessage.PolicyRetirement("p", end, null)),
                ControlEvent.of(STEP),
                new TopicPost(enriched, List.of("渣土车", "江北大道")),
                new TopicPost(enriched, List.of("新规"), true),
                new EmergingTopics.Slide(5L, new WordHistory.Bucket(5L, List.of("渣土车"), List.of(3), 4), null,
                        List.of(new EmergingTopics.TopicTally("topic:渣土车@1", new WindowTally().toBucket()))),
                new EmergingTopics.Topics(5L, List.of(new EmergingTopics.Topic("topic:渣土车@1", "江城 渣土车", List.of("渣土车"), end, end,
                        new AlertMaker.Episode(new TierTracker.State(Tier.II_ORANGE, end, Tier.II_ORANGE), "case:x"),
                        new AlertMaker.Subject("topic:渣土车@1", "江城 渣土车", "交通运输局", "交通出行", new Region("湖北", "江城", null))))),
                RiskInput.of(STEP),
                RiskInput.of(new LinkedPost("p", enriched)),
                CaseBook.measured(CaseBook.apply(CaseBook.apply(null, alert), STEP, List.of()), 0, new ResponseEffect(
                        new ResponseEffect.Period(end.minusSeconds(21_600), end, 12, 6, 0.5, Map.of("ANGRY", 6L)),
                        new ResponseEffect.Period(end, end.plusSeconds(21_600), 3, 0, 0, Map.of())), end.plusSeconds(21_600)),
                new DeadLetter("yq.raw.news", 2, 42L, 1L, null, new byte[] {'{', 'x'}, "parse", "none", "not_json", "not JSON"),
                new ReadRecord("news", "none", null, null, null, new DeadLetter("yq.raw.news", 0, 7L, 1L, new byte[] {1},
                        new byte[] {2, 3}, "read", "none", "not_json", "not JSON")));
    }

    @ParameterizedTest
    @MethodSource("records")
    @SuppressWarnings("unchecked")
    void recordIsAPojoTypeAndRoundTripsThroughFlinkSerialization(Object record) throws Exception {
        TypeInformation<Object> type = (TypeInformation<Object>) TypeInformation.of(record.getClass());
        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<Object> serializer = type.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(record, out);
        Object back = serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        Object copy = serializer.copy(record);
        if (record instanceof DeadLetter letter) {
            assertThat(((DeadLetter) back).value()).isEqualTo(letter.value());
            assertThat(((DeadLetter) back).reason()).isEqualTo(letter.reason());
        } else if (record instanceof ReadRecord read) {
            assertThat(((ReadRecord) back).deadLetter().value()).isEqualTo(read.deadLetter().value());
            assertThat(((ReadRecord) copy).deadLetter().offset()).isEqualTo(read.deadLetter().offset());
        } else {
            assertThat(back).isEqualTo(record);
            assertThat(copy).isEqualTo(record);
        }
    }

    @Test
    void policiesGivenToTheJobTravelWithItsGraphAndReadBackTheSame() throws Exception {
        WatchedPolicy watched = (WatchedPolicy) records().stream().filter(WatchedPolicy.class::isInstance).findFirst().orElseThrow();
        GivenPolicies given = GivenPolicies.of(List.of(watched));
        GivenPolicies shipped = InstantiationUtil.clone(given);
        assertThat(shipped.policies()).containsExactly(watched);
        assertThat(GivenPolicies.NONE.policies()).isEmpty();
    }
}
