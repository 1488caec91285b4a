package org.yqsentinel.training.hardcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.model.Sentiment;

class HardCasesTest {

    private static final List<String> TOPICS = List.of("教育", "医疗", "安全生产");

    @TempDir
    Path dir;

    @Test
    void casesUnderTheHeaderAreReadWithCommentsAndBlankLinesSkipped() throws Exception {
        Path file = Files.writeString(dir.resolve("cases.tsv"), """
                # a comment before the header
                polarity\ttopics\tkind\ttext

                negative\t安全生产,教育\tevent-report\t学校实验室起火，两名学生受伤
                # a comment between cases
                positive\t-\tchatter\t今天的晚霞真好看
                """);

        List<HardCase> cases = HardCases.read(file, TOPICS);

        assertThat(cases).containsExactly(
                new HardCase(file.toString(), 4, Sentiment.Label.NEGATIVE, new TreeSet<>(List.of("教育", "安全生产")),
                        "event-report", "学校实验室起火，两名学生受伤"),
                new HardCase(file.toString(), 6, Sentiment.Label.POSITIVE, new TreeSet<>(), "chatter", "今天的晚霞真好看"));
        assertThat(cases.get(0).where()).isEqualTo(file + ":4");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            negative\\t教育\\tcomplaint                           | 2: expected 4 tab-separated columns (polarity, topics, kind, text), found 3
            bad\\t教育\\tcomplaint\\t作业太多                     | 2: polarity 'bad' is not negative, neutral or positive
            negative\\t学校\\tcomplaint\\t作业太多                | 2: unknown topic '学校'; topics are - for none or, separated by ',', some of 教育, 医疗, 安全生产
            negative\\t教育,,医疗\\tcomplaint\\t作业太多          | 2: an empty topic in '教育,,医疗'
            negative\\t教育，医疗\\tcomplaint\\t作业太多          | 2: unknown topic '教育，医疗'
            negative\\t教育,教育\\tcomplaint\\t作业太多           | 2: topic '教育' is listed twice
            negative\\t\\tcomplaint\\t作业太多                    | 2: no topics: write the topics comma-separated, or - for none
            negative\\t教育\\tEvent Report\\t作业太多             | 2: kind 'Event Report' must be a lower-case word such as event-report or sarcasm
            negative\\t教育\\tcomplaint\\t                        | 2: the text is empty
            """)
    void aBadLineIsRefusedWithFileLineAndWhatToFix(String line, String error) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.tsv"), HardCases.HEADER + "\n" + line.replace("\\t", "\t") + "\n");

        assertThatThrownBy(() -> HardCases.read(file, TOPICS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ":" + error);
    }

    @Test
    void aMissingHeaderATextListedTwiceAndAFileWithoutCasesAreRefused() throws Exception {
        Path noHeader = Files.writeString(dir.resolve("a.tsv"), "# cases\nnegative\t教育\tcomplaint\t作业太多\n");
        assertThatThrownBy(() -> HardCases.read(noHeader, TOPICS))
                .hasMessage(noHeader + ":2: expected the header row 'polarity<TAB>topics<TAB>kind<TAB>text' before the first case");

        Path twice = Files.writeString(dir.resolve("b.tsv"), HardCases.HEADER + "\nnegative\t教育\tcomplaint\t作业太多\n"
                + "neutral\t-\tchatter\t 作业太多\n");
        assertThatThrownBy(() -> HardCases.read(twice, TOPICS)).hasMessage(twice + ":3: the same text as line 2; keep one of them");

        Path empty = Files.writeString(dir.resolve("c.tsv"), "# nothing yet\n" + HardCases.HEADER + "\n\n");
        assertThatThrownBy(() -> HardCases.read(empty, TOPICS)).hasMessageStartingWith(empty + ": no cases");
    }
}
