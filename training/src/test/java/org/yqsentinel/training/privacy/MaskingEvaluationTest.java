package org.yqsentinel.training.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.enrich.privacy.Finding;
import org.yqsentinel.enrich.privacy.Kind;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;

/** The masker measured on the project's case file, and the case file format refusing what it cannot read. */
class MaskingEvaluationTest {

    private static final PersonalDataMasker MASKER = new PersonalDataMasker();
    private static final String HEADER = "id\tstyle\ttext\n";

    @TempDir
    Path dir;

    @Test
    void caseFileHasAtLeast150PostsWithEveryKindAndNegatives() throws Exception {
        List<MaskingCases.Case> cases = MaskingCases.read(caseFile());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(cases.stream().flatMap(c -> c.expected().stream()).map(Finding::kind).distinct())
                .containsExactlyInAnyOrderElementsOf(MaskingEvaluation.KINDS);
        assertThat(cases.stream().filter(c -> c.expected().isEmpty()).count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void maskerReachesItsMeasuredPrecisionAndRecallOnTheCaseFile() throws Exception {
        MaskingEvaluation.Result result = MaskingEvaluation.run(MASKER, caseFile());
        assertThat(result.all().precision()).as(result.errors().toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(result.all().recall()).as(result.errors().toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(result.of(Kind.PERSON_NAME).precision()).as(result.errors().toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(result.of(Kind.PERSON_NAME).recall()).as(result.errors().toString()).isGreaterThanOrEqualTo(0.98);
        for (Kind kind : List.of(Kind.PHONE, Kind.ID_CARD, Kind.BANK_CARD, Kind.EMAIL, Kind.LICENSE_PLATE)) {
            assertThat(result.of(kind).precision()).as(kind + " " + result.errors()).isEqualTo(1.0);
            assertThat(result.of(kind).recall()).as(kind + " " + result.errors()).isEqualTo(1.0);
        }
    }

    @Test
    void spansMaskedWronglyOrMissedCountAgainstPrecisionAndRecall() throws Exception {
        Path file = write(HEADER
                + "a\tweibo\t网友[[name:李秀英]]说，电话[[phone:13812345678]]\n"
                + "b\tweibo\t钱全交了，[[name:我也]]不知道\n"
                + "c\tnews\t车主[[name:杜文]]博说\n");
        MaskingEvaluation.Result result = MaskingEvaluation.run(MASKER, file);
        assertThat(result.posts()).isEqualTo(3);
        assertThat(result.of(Kind.PHONE)).isEqualTo(new MaskingEvaluation.Tally(1, 1, 1));
        assertThat(result.of(Kind.PERSON_NAME)).isEqualTo(new MaskingEvaluation.Tally(1, 2, 3));
        assertThat(result.errors()).extracting(Object::toString).containsExactlyInAnyOrder(
                "missed b      name  我也", "wrong  c      name  杜文博", "missed c      name  杜文");
        List<String> lines = result.report().lines().toList();
        assertThat(lines.get(0)).isEqualTo("data " + file.getFileName() + ": 3 posts, 4 spans to mask");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("name\\s+3\\s+2\\s+1\\s+0\\.5000\\s+0\\.3333"));
        assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly("precision=0.6667", "recall=0.5000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a\\tweibo\\t网友[[nam:李秀英]]说|:2: unknown kind 'nam'; use one of bank, email, id, name, phone, plate",
            "a\\tweibo\\t网友[[name:李秀英说|:2: '[[' at character 3 is never closed",
            "a\\tweibo\\t网友[[李秀英]]说|:2: '[[李秀英]]' has no kind",
            "a\\tweibo\\t网友[[name:]]说|:2: '[[name:]]' marks nothing",
            "a\\tweibo\\t网友李秀英]]说|:2: ']]' without an opening '[['",
            "a\\tweibo|:2: 2 columns; a case has 3",
            "\\tweibo\\t正文|:2: the id is empty",
            "a\\tweibo\\t正文\\na\\tnews\\t另一条|:3: id 'a' is used twice"})
    void aBadLineIsRefusedWithFileLineAndWhatToFix(String lines, String message) throws IOException {
        Path file = write(HEADER + lines.replace("\\t", "\t").replace("\\n", "\n") + "\n");
        assertThatThrownBy(() -> MaskingCases.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + message.substring(0, message.indexOf(' ') + 1))
                .hasMessageContaining(message.substring(message.indexOf(' ') + 1));
    }

    @Test
    void aFileWithoutTheHeaderOrWithoutCasesIsRefused() throws IOException {
        Path noHeader = write("# comment\na\tweibo\t正文\n");
        assertThatThrownBy(() -> MaskingCases.read(noHeader)).hasMessage(noHeader
                + ":2: the first line that is not a comment must be the header 'id<TAB>style<TAB>text', not 'a\tweibo\t正文'");
        Path empty = write("# only comments\n\n" + HEADER);
        assertThatThrownBy(() -> MaskingCases.read(empty)).hasMessageStartingWith(empty + ": no cases");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "cases", ".tsv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static Path caseFile() throws URISyntaxException {
        return Path.of(MaskingEvaluationTest.class.getResource("/privacy/cases.tsv").toURI());
    }
}
