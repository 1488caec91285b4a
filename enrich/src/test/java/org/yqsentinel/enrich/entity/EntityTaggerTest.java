package org.yqsentinel.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

    private static final EntityTagger TAGGER = EntityTagger.bundled();

    @Test
    void findsPersonPlaceAndOrganization() {
        String text = "昨天张晓峰在杭州市西湖区人民医院见到了李明远。";
        List<Entity> found = TAGGER.find(text);
        assertThat(found).contains(
                new Entity(Entity.Kind.PERSON, "张晓峰", 2, 5),
                new Entity(Entity.Kind.PLACE, "杭州市", 6, 9),
                new Entity(Entity.Kind.ORGANIZATION, "人民医院", 12, 16));
        assertThat(found).allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
    }

    @Test
    void findsNamesInAGovernmentSentenceAndAMention() {
        assertThat(TAGGER.find("刘建华书记在广东省人民政府会议上讲话")).contains(
                new Entity(Entity.Kind.PERSON, "刘建华", 0, 3),
                new Entity(Entity.Kind.PLACE, "广东省", 6, 9));
        assertThat(TAGGER.find("@王小蕾 今天下午去了深圳市南山区")).contains(
                new Entity(Entity.Kind.PERSON, "王小蕾", 1, 4));
    }

    @Test
    void offsetsAreCharOffsetsEvenAfterEmoji() {
        String text = "😀😀昨天张晓峰在杭州市";
        assertThat(TAGGER.find(text)).allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
    }

    @Test
    void emptyTextHasNoNames() {
        assertThat(TAGGER.find("")).isEmpty();
        assertThat(TAGGER.find(null)).isEmpty();
        assertThat(TAGGER.find("。。。")).isEmpty();
    }

    @Test
    void oneTaggerServesManyThreadsAlike() throws Exception {
        List<String> texts = List.of("昨天张晓峰在杭州市西湖区人民医院见到了李明远。", "刘建华书记在广东省人民政府会议上讲话",
                "@王小蕾 今天下午去了深圳市南山区");
        List<List<Entity>> expected = texts.stream().map(TAGGER::find).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Entity>>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String text = texts.get(i % texts.size());
                futures.add(pool.submit(() -> TAGGER.find(text)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % texts.size()));
            }
        } finally {
            pool.shutdown();
        }
    }
}
