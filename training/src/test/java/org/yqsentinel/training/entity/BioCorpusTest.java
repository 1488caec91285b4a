package org.yqsentinel.training.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.enrich.entity.Entity;

class BioCorpusTest {

    private static List<BioCorpus.Sentence> read(String text) throws IOException {
        return BioCorpus.read(new BufferedReader(new StringReader(text)), "toy.txt");
    }

    @Test
    void readsPostsSeparatedByBlankLines() throws IOException {
        List<BioCorpus.Sentence> posts = read("张\tB-PER.NAM\n三\tI-PER.NAM\n去\tO\n\n\n北\tB-GPE.NAM\r\n京\tI-GPE.NAM\r\n");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).text()).isEqualTo("张三去");
        assertThat(posts.get(0).tags()).containsExactly("B-PER.NAM", "I-PER.NAM", "O");
        assertThat(posts.get(0).line()).isEqualTo(1);
        assertThat(posts.get(1).text()).isEqualTo("北京");
        assertThat(posts.get(1).line()).isEqualTo(6);
        assertThat(posts.get(1).source()).isEqualTo("toy.txt");
    }

    @Test
    void dropsTheWordPositionDigitThatTheCorpusLeavesAfterAsciiCharacters() throws IOException {
        List<BioCorpus.Sentence> posts = read("e1\tO\n.1\tO\n3\tO\n");
        assertThat(posts.get(0).text()).isEqualTo("e.3");
    }

    @Test
    void badLinesAreRefusedWithFileAndLine() {
        assertThatThrownBy(() -> read("张\tO\n三\tX-PER\n")).hasMessage("toy.txt:2: tag 'X-PER' is not O, B-TYPE or I-TYPE");
        assertThatThrownBy(() -> read("张\tO\n\n三 O\n")).hasMessage("toy.txt:3: expected character<TAB>tag, got '三 O'");
        assertThatThrownBy(() -> read("张三\tO\n")).hasMessage("toy.txt:1: '张三' is not one character");
        assertThatThrownBy(() -> read("张\tO\tO\n")).hasMessage("toy.txt:1: expected character<TAB>tag, got '张\tO\tO'");
    }

    @Test
    void errorsFromAFileNameThePath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "张\tO\n\n三\tB-\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BioCorpus.read(file)).hasMessage(file + ":3: tag 'B-' is not O, B-TYPE or I-TYPE");
    }

    @Test
    void spansFollowBioAndAnIWithoutABStartsASpan() {
        List<String> tags = List.of("B-PER.NAM", "I-PER.NAM", "O", "I-LOC.NAM", "I-LOC.NAM", "B-ORG.NAM", "B-ORG.NAM", "I-GPE.NAM", "I-ORG.NAM");
        assertThat(BioCorpus.spans(tags)).containsExactly(
                new BioCorpus.Span("PER.NAM", 0, 2),
                new BioCorpus.Span("LOC.NAM", 3, 5),
                new BioCorpus.Span("ORG.NAM", 5, 6),
                new BioCorpus.Span("ORG.NAM", 6, 7),
                new BioCorpus.Span("GPE.NAM", 7, 8),
                new BioCorpus.Span("ORG.NAM", 8, 9));
        assertThat(BioCorpus.spans(List.of("O", "O"))).isEmpty();
        assertThat(BioCorpus.spans(List.of("I-PER.NOM"))).containsExactly(new BioCorpus.Span("PER.NOM", 0, 1));
    }

    @Test
    void namesAreTheNamTypesInCharOffsets() throws IOException {
        BioCorpus.Sentence post = read("😀\tO\n记\tB-PER.NOM\n者\tI-PER.NOM\n李\tB-PER.NAM\n四\tI-PER.NAM\n在\tO\n"
                + "广\tB-GPE.NAM\n州\tI-GPE.NAM\n白\tB-LOC.NAM\n云\tI-LOC.NAM\n山\tI-LOC.NAM\n新\tB-ORG.NAM\n浪\tI-ORG.NAM\n").get(0);
        assertThat(post.text()).isEqualTo("😀记者李四在广州白云山新浪");
        assertThat(post.names()).containsExactly(
                new Entity(Entity.Kind.PERSON, "李四", 4, 6),
                new Entity(Entity.Kind.PLACE, "广州", 7, 9),
                new Entity(Entity.Kind.PLACE, "白云山", 9, 12),
                new Entity(Entity.Kind.ORGANIZATION, "新浪", 12, 14));
    }
}
