package org.yqsentinel.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.yqsentinel.enrich.DictionarySegmenter;

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
        // the segmentation reads 广东 / 省人民政府 (place, then the generic body of the dictionaries)
        List<Entity> government = TAGGER.find("刘建华书记在广东省人民政府会议上讲话");
        assertThat(government).contains(new Entity(Entity.Kind.PERSON, "刘建华", 0, 3));
        assertThat(government).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(Entity.Kind.PLACE);
            assertThat(e.text()).startsWith("广东");
        });
        assertThat(TAGGER.find("@王小蕾 今天下午去了深圳市南山区")).contains(
                new Entity(Entity.Kind.PERSON, "王小蕾", 1, 4));
    }

    @Test
    void offsetsAreCharOffsetsEvenAfterEmoji() {
        String text = "😀😀昨天张晓峰在杭州市";
        assertThat(TAGGER.find(text)).allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
    }

    /** The scores summed per character at load equal the weights of every feature of the position, added one by one. */
    @Test
    void scoresFromTheCharacterTableEqualTheSumOfEveryFeature() {
        for (String text : List.of("昨天张晓峰在杭州市西湖区人民医院见到了李明远。", "@王小蕾 今天下午去了深圳市南山区",
                "😀😀昨天张晓峰在杭州市", "ＡＢＣ全角，abc Half 123！", "张", "𠀀𠀁 生僻字 𪚥")) {
            int[] cps = text.codePoints().toArray();
            var terms = DictionarySegmenter.bundled().seg(text);
            float[] scores = TAGGER.scores(text, cps, terms);
            CharFeatures.Keys keys = CharFeatures.extract(text, cps, terms, TAGGER.gazetteer());
            int labels = TAGGER.labels().size();
            for (int i = 0; i < cps.length; i++) {
                float[] expected = new float[labels];
                for (int f = keys.starts()[i]; f < keys.starts()[i + 1]; f++) {
                    float[] row = TAGGER.weightsOf(keys.keys()[f]);
                    for (int y = 0; y < labels; y++) {
                        expected[y] += row[y];
                    }
                }
                for (int y = 0; y < labels; y++) {
                    assertThat(scores[i * labels + y]).as("%s, position %d, label %d", text, i, y)
                            .isCloseTo(expected[y], offset(1e-3f));
                }
            }
        }
    }

    @Test
    void theCallersSegmentationGivesTheSameNamesAsTheTaggersOwn() {
        String text = "刘建华书记在广东省人民政府会议上讲话";
        assertThat(TAGGER.find(text, DictionarySegmenter.bundled().seg(text))).isEqualTo(TAGGER.find(text));
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

    @Test
    void theBundledTaggerWrittenAndReadBackWritesTheSameFileAndFindsTheSameNames() throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        TAGGER.write(first);
        EntityTagger back = EntityTagger.read(new ByteArrayInputStream(first.toByteArray()), "tagger.bin.gz");
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        back.write(second);
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
        assertThat(back.size()).isEqualTo(TAGGER.size());
        for (String text : List.of("昨天张晓峰在杭州市西湖区人民医院见到了李明远。", "刘建华书记在广东省人民政府会议上讲话", "@王小蕾 今天下午去了深圳市南山区")) {
            assertThat(back.find(text)).isEqualTo(TAGGER.find(text));
        }
    }

    @Test
    void somethingElseIsNotReadAsATagger() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(new byte[] {0, 5, 'h', 'e', 'l', 'l', 'o'});
        }
        assertThatThrownBy(() -> EntityTagger.read(new ByteArrayInputStream(out.toByteArray()), "x.bin.gz"))
                .hasMessage("x.bin.gz: not a Sentinel entity tagger");
    }
}
