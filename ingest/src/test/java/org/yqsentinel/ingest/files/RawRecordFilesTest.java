package org.yqsentinel.ingest.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.ingest.files.RawRecordFiles.RawLine;

class RawRecordFilesTest {

    private static List<String> values(List<RawLine> lines) {
        return lines.stream().map(l -> new String(l.value(), UTF_8)).toList();
    }

    @Test
    void jsonLinesKeepTheirLineNumbersAndBrokenLinesStayAsWritten() {
        byte[] file = "{\"a\":1}\r\n\n  \n{\"b\":\"半截\n{\"c\":3}".getBytes(UTF_8);
        List<RawLine> lines = RawRecordFiles.split("w.jsonl", file, false);
        assertThat(lines).extracting(RawLine::where).containsExactly("w.jsonl:1", "w.jsonl:4", "w.jsonl:5");
        assertThat(values(lines)).containsExactly("{\"a\":1}", "{\"b\":\"半截", "{\"c\":3}");
    }

    @Test
    void jsonArrayElementsKeepTheirOriginalBytesAndStartLine() {
        byte[] file = "[\n  {\"mid\": \"1\",\n   \"text\": \"课后\"},\n  {\"mid\":\"2\"}, \"not an object\"\n]".getBytes(UTF_8);
        List<RawLine> lines = RawRecordFiles.split("a.json", file, false);
        assertThat(values(lines)).containsExactly("{\"mid\": \"1\",\n   \"text\": \"课后\"}", "{\"mid\":\"2\"}", "\"not an object\"");
        assertThat(lines).extracting(RawLine::line).containsExactly(2, 4, 4);
    }

    @Test
    void truncatedArrayRefusesTheWholeFileWithWhere() {
        assertThatThrownBy(() -> RawRecordFiles.split("a.json", "[{\"mid\":\"1\"},\n{\"mid\":".getBytes(UTF_8), false))
                .isInstanceOf(RawRecordFiles.UnreadableFile.class)
                .hasMessageStartingWith("a.json:2: not a valid JSON array")
                .hasMessageEndingWith("nothing from this file was sent");
    }

    @Test
    void policyPageIsOneRecordButPolicyJsonLinesAreMany() {
        byte[] page = "索引号: 1\n名称: 关于…的通知\n正文".getBytes(UTF_8);
        assertThat(RawRecordFiles.split("p.txt", page, true)).hasSize(1).first()
                .satisfies(l -> assertThat(l.value()).isEqualTo(page));
        assertThat(RawRecordFiles.split("p.jsonl", "{\"id\":\"1\"}\n{\"id\":\"2\"}\n".getBytes(UTF_8), true)).hasSize(2);
        assertThat(RawRecordFiles.split("p.html", "<html><body>x</body></html>".getBytes(UTF_8), true)).hasSize(1);
    }

    @Test
    void emptyFileHasNoRecords() {
        assertThat(RawRecordFiles.split("e", " \n\n".getBytes(UTF_8), false)).isEmpty();
    }
}
