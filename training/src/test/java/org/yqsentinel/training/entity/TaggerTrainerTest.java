package org.yqsentinel.training.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.enrich.entity.EntityTagger;

class TaggerTrainerTest {

    /** A post from its text and one tag per character, {@code -} for O and e.g. {@code P} for a name of kind PER.NAM. */
    private static BioCorpus.Sentence post(String text, String kinds) {
        List<String> chars = text.codePoints().mapToObj(Character::toString).toList();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < kinds.length(); i++) {
            char k = kinds.charAt(i);
            String type = switch (k) {
                case 'P', 'p' -> "PER.NAM";
                case 'G', 'g' -> "GPE.NAM";
                case 'O', 'o' -> "ORG.NAM";
                default -> null;
            };
            tags.add(type == null ? "O" : (Character.isUpperCase(k) ? "B-" : "I-") + type);
        }
        return new BioCorpus.Sentence(chars, tags, "toy", 1);
    }

    private static List<BioCorpus.Sentence> toyCorpus() {
        return List.of(
                post("张伟明在杭州工作", "Ppp-Gg--"),
                post("李秀兰去了南京大学", "Ppp---Ooo"),
                post("杭州的王建国很忙", "Gg-Ppp--"),
                post("南京大学欢迎你", "Oooo---"),
                post("今天天气很好", "------"));
    }

    private static byte[] bytes(EntityTagger tagger) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tagger.write(out);
        return out.toByteArray();
    }

    @Test
    void sameDataGivesTheSameTaggerByteForByte() throws IOException {
        TaggerTrainer.Options options = new TaggerTrainer.Options(5, 7L);
        byte[] first = bytes(TaggerTrainer.train(toyCorpus(), options));
        byte[] second = bytes(TaggerTrainer.train(toyCorpus(), options));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void learnsTheToyCorpus() {
        EntityTagger tagger = TaggerTrainer.train(toyCorpus(), new TaggerTrainer.Options(10, 7L));
        assertThat(tagger.labels()).containsExactly("O", "B-LOC.NAM", "I-LOC.NAM", "B-ORG.NAM", "I-ORG.NAM", "B-PER.NAM", "I-PER.NAM");
        for (BioCorpus.Sentence post : toyCorpus()) {
            assertThat(tagger.find(post.text())).isEqualTo(post.names());
        }
    }

    @Test
    void taggerSurvivesWritingAndReading() throws IOException {
        EntityTagger tagger = TaggerTrainer.train(toyCorpus(), new TaggerTrainer.Options(5, 7L));
        EntityTagger back = EntityTagger.read(new ByteArrayInputStream(bytes(tagger)), "toy.bin.gz");
        assertThat(back.size()).isEqualTo(tagger.size());
        assertThat(back.labels()).isEqualTo(tagger.labels());
        for (String text : List.of("张伟明在杭州工作", "王建国去了南京大学", "没有名字")) {
            assertThat(back.find(text)).isEqualTo(tagger.find(text));
        }
        assertThat(bytes(back)).isEqualTo(bytes(tagger));
    }
}
