package org.yqsentinel.ingest.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.files.RawRecordFiles.RawLine;

class RawRecordFilesTest {

    private static List<String> values(List<RawLine> lines) {
        return lines.stream().map(l -> new String(l.value(), UTF_8)).toList();
    }

    private static List<RawLine> split(String content) {
        return RawRecordFiles.split("f", content.getBytes(UTF_8), false);
    }

    @Test
    void jsonLinesKeepTheirLineNumbersAndBrokenLinesStayAsWritten() {
        byte[] file = "{\"a\":1}\r\n\n  \n{\"b\":\"半截\n{\"c\":3}".getBytes(UTF_8);
        List<RawLine> lines = RawRecordFiles.split("w.jsonl", file, false);
        assertThat(lines).extracting(RawLine::where).containsExactly("w.jsonl:1", "w.jsonl:4", "w.jsonl:5");
        assertThat(values(lines)).containsExactly("{\"a\":1}", "{\"b\":\"半截", "{\"c\":3}");
    }

    @Test
    void carriageReturnsAloneEndRecordsToo() {
        List<RawLine> lines = split("{\"a\":1}\r{\"b\":2}\r\n{\"c\":3}\n\r{\"d\":4}");
        assertThat(values(lines)).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "{\"d\":4}");
        assertThat(lines).extracting(RawLine::line).containsExactly(1, 2, 3, 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u001c", "\u001f", "\u000b", "\f", "\uFEFF", "\u0000"})
    void linesOfInvisibleCharactersAreRecordsNotBlanks(String invisible) {
        assertThat(values(split("{\"a\":1}\n" + invisible + "\n{\"b\":2}"))).containsExactly("{\"a\":1}", invisible, "{\"b\":2}");
    }

    @Test
    void aByteOrderMarkAtTheStartOfTheFileIsNoRecord() {
        assertThat(values(split("\uFEFF{\"a\":1}\n"))).containsExactly("{\"a\":1}");
    }

    @Test
    void jsonArrayElementsKeepTheirOriginalBytesAndStartLine() {
        byte[] file = "[\n  {\"mid\": \"1\",\n   \"text\": \"课后\"},\n  {\"mid\":\"2\"}, \"not an object\"\n]".getBytes(UTF_8);
        List<RawLine> lines = RawRecordFiles.split("a.json", file, false);
        assertThat(values(lines)).containsExactly("{\"mid\": \"1\",\n   \"text\": \"课后\"}", "{\"mid\":\"2\"}", "\"not an object\"");
        assertThat(lines).extracting(RawLine::line).containsExactly(2, 4, 4);
        assertThat(lines).extracting(RawLine::refusal).containsOnlyNulls();
    }

    @Test
    void bracketsAndCommasInsideStringsDoNotCutElements() {
        List<RawLine> lines = split("[{\"t\":\"a, ] [\\\" }\"},{\"t\":2}]");
        assertThat(values(lines)).containsExactly("{\"t\":\"a, ] [\\\" }\"}", "{\"t\":2}");
    }

    @Test
    void aBrokenElementIsOneRecordAndTheElementsAfterItStillCount() {
        List<RawLine> lines = split("[{\"mid\":\"1\"},\n{\"mid\": oops},\n{\"mid\":\"3\"}\n]");
        assertThat(values(lines)).containsExactly("{\"mid\":\"1\"}", "{\"mid\": oops}", "{\"mid\":\"3\"}");
    }

    @Test
    void anArrayCutShortKeepsItsWholeElementsAndRefusesTheRest() {
        List<RawLine> lines = split("[{\"mid\":\"1\"},\n{\"mid\":");
        assertThat(values(lines)).containsExactly("{\"mid\":\"1\"}", "{\"mid\":");
        assertThat(lines.get(1).refusal().code()).isEqualTo(RejectCode.NOT_JSON);
        assertThat(lines.get(1).refusal().reason()).contains("ends inside");
        assertThat(lines.get(1).where()).isEqualTo("f:2");
    }

    @Test
    void emptyElementsAreRefusedRecords() {
        List<RawLine> lines = split("[1,,2,]");
        assertThat(values(lines)).containsExactly("1", "", "2", "");
        assertThat(lines).extracting(l -> l.refusal() == null ? null : l.refusal().code())
                .containsExactly(null, RejectCode.EMPTY, null, RejectCode.EMPTY);
        assertThat(split("[]")).isEmpty();
    }

    @Test
    void aFirstLineThatIsAWholeArrayFollowedByLinesIsOneRecordOfAJsonLinesFile() {
        List<RawLine> lines = split("[1,2]\n{\"a\":1}\n{\"b\":2}\n");
        assertThat(values(lines)).containsExactly("[1,2]", "{\"a\":1}", "{\"b\":2}");
        assertThat(lines).extracting(RawLine::line).containsExactly(1, 2, 3);
        assertThat(values(split("[{\"a\":1},{\"b\":2}]\n"))).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void textAfterTheArrayIsReadAsLines() {
        List<RawLine> lines = split("[\n{\"a\":1}\n]\ntrailing\n{\"b\":2}");
        assertThat(values(lines)).containsExactly("{\"a\":1}", "trailing", "{\"b\":2}");
        assertThat(lines).extracting(RawLine::line).containsExactly(2, 4, 5);
    }

    @Test
    void aValueOnANewLineWithoutACommaEndsTheArrayAndTheRestAreLines() {
        List<RawLine> lines = split("[garbage\n{\"a\":1}\n{\"b\":2}\n");
        assertThat(values(lines)).containsExactly("garbage", "{\"a\":1}", "{\"b\":2}");
        assertThat(lines.get(0).refusal().code()).isEqualTo(RejectCode.NOT_JSON);
        assertThat(lines.subList(1, 3)).extracting(RawLine::refusal).containsOnlyNulls();
    }

    @Test
    void aRecordOverTheLimitKeepsItsFirstBytesAndIsRefused() {
        String big = "{\"t\":\"" + "x".repeat(5000) + "\"}";
        List<RawLine> lines = RawRecordFiles.split("f", (big + "\n{\"a\":1}\n").getBytes(UTF_8), false, 1024);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).value()).hasSize(1024);
        assertThat(lines.get(0).refusal().code()).isEqualTo(RejectCode.TOO_LARGE);
        assertThat(lines.get(0).refusal().reason()).contains("5008 bytes");
        assertThat(lines.get(1).refusal()).isNull();
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
    void anEmptyPolicyFileIsARefusedRecordButAnEmptyItemFileHasNone() {
        List<RawLine> policy = RawRecordFiles.split("p.txt", " \n".getBytes(UTF_8), true);
        assertThat(policy).hasSize(1);
        assertThat(policy.get(0).refusal().code()).isEqualTo(RejectCode.EMPTY);
        assertThat(RawRecordFiles.split("e", " \n\n".getBytes(UTF_8), false)).isEmpty();
    }

    @Test
    void aFileOfAHundredMegabytesIsHandedOnRecordByRecord() throws IOException {
        byte[] line = "{\"mid\":\"1\",\"text\":\"一条微博\"}\n".getBytes(UTF_8);
        long lines = 100_000_000L / line.length;
        InputStream generated = new InputStream() {
            private long at;

            @Override
            public int read() {
                return at < lines * line.length ? line[(int) (at++ % line.length)] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len && at < lines * line.length) {
                    b[off + n++] = line[(int) (at++ % line.length)];
                }
                return n == 0 && len > 0 ? -1 : n;
            }
        };
        AtomicLong seen = new AtomicLong();
        long handed = RawRecordFiles.read("big", generated, false, 1024, l -> seen.incrementAndGet());
        assertThat(handed).isEqualTo(lines);
        assertThat(seen.get()).isEqualTo(lines);
    }
}
