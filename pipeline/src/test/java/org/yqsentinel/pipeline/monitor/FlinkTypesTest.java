package org.yqsentinel.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.GeoPoint;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Region;

/** Records between operators must be Flink POJOs (not Kryo generics) and survive its serializer, immutable lists included. */
class FlinkTypesTest {

    static List<Object> records() {
        Item item = new Item("weibo:1", Channel.WEIBO, "1", "微博", new Author("甲", 10L, true, "media"), null, null, "正文",
                "https://m.weibo.cn/status/1", Instant.parse("2026-11-20T02:00:00Z"), new Engagement(1L, null, 3L, null),
                new Region("广东", "广州", new GeoPoint(23.1, 113.3)), "weibo:0", "weibo:00", true, "00ff00ff00ff00ff");
        return List.of(item,
                new EnrichedItem(item, new Analysis(List.of("正文", "学费"), List.of("学费"), new Sentiment(-0.5, Sentiment.Label.NEGATIVE),
                        List.of(new org.yqsentinel.model.TopicHit("教育", 2, "教育局", List.of("学费"))),
                        List.of(new org.yqsentinel.model.NamedEntity(org.yqsentinel.model.NamedEntity.Kind.PERSON, "张三", 0, 2)))),
                new DeadLetter("yq.raw.news", 2, 42L, 1L, null, new byte[] {'{', 'x'}, "parse", "none", "not_json", "not JSON"),
                new ReadRecord("news", "none", null, null, new DeadLetter("yq.raw.news", 0, 7L, 1L, new byte[] {1},
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
}
