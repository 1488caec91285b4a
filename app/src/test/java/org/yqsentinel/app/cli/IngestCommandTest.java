package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.Console;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.json.Json;

/** {@code yq ingest --check}: no Kafka, canonical records on stdout, reasons on stderr. */
class IngestCommandTest {

    @RegisterExtension
    final Console console = Console.captured();

    static String fixture(String name) throws URISyntaxException {
        return Path.of(IngestCommandTest.class.getResource("/ingest/" + name).toURI()).toString();
    }

    private List<JsonNode> records() {
        return console.out().lines().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError("stdout line is not JSON: " + l, e);
            }
        }).toList();
    }

    @Test
    void weiboFileBecomesCanonicalItemsAndEveryRefusalNamesFileLineAndReason() throws Exception {
        String file = fixture("weibo.jsonl");
        int exit = Yq.run("ingest", "--check", "--channel", "weibo", "--crawled-at", "2026-11-24T12:00:00+08:00", file);

        assertThat(exit).as("some records refused").isEqualTo(3);
        List<JsonNode> items = records();
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("id").asText()).isEqualTo("weibo:4843210001");
        assertThat(items.get(0).get("text").asText()).isEqualTo("这也叫减负?[怒]");
        assertThat(items.get(0).get("author").get("followerCount").asLong()).isEqualTo(123_000);
        assertThat(items.get(0).get("engagement").get("reposts").asLong()).isEqualTo(12_000);
        assertThat(items.get(1).get("repostOf").asText()).isEqualTo("weibo:4843210001");
        assertThat(items.get(1).get("publishedAt").asText()).isEqualTo("2026-11-22T00:12:00Z");
        assertThat(console.err().lines().toList()).containsExactly(
                file + ":3: not JSON: Unexpected end-of-input: was expecting closing quote for a string value at line 1, column 77",
                file + ":4: unparseable time \"前天晚上\" in field created_at",
                "accepted 2, rejected 2");
    }

    @Test
    void jsonArrayOfNewsAndAPolicyPageAreAllAcceptedWithExitZero() throws Exception {
        assertThat(Yq.run("ingest", "--check", "--channel", "news", fixture("news.json"))).isZero();
        assertThat(records()).extracting(n -> n.get("publishedAt").asText())
                .containsExactly("2026-11-21T06:30:00Z", "2026-11-21T16:00:00Z");
        assertThat(console.err()).isEqualTo("accepted 2, rejected 0\n");

        console.reset();
        assertThat(Yq.run("ingest", "--check", "--channel", "policy", fixture("policy-page.txt"))).isZero();
        JsonNode policy = records().get(0);
        assertThat(policy.get("id").asText()).isEqualTo("粤办函〔2016〕629号");
        assertThat(policy.get("documentNumberParts").get("issuerCode").asText()).isEqualTo("粤办函");
        assertThat(policy.get("documentNumberParts").get("year").asInt()).isEqualTo(2016);
    }

    @Test
    void wechatArticleBecomesACanonicalItemWithSimplifiedTitleAndCappedReadCount() throws Exception {
        assertThat(Yq.run("ingest", "--check", "--channel", "wechat", fixture("wechat.jsonl"))).isZero();
        JsonNode item = records().get(0);
        assertThat(item.get("id").asText()).isEqualTo("wechat:MzA5NjExMjM0NQ==_2247483901_1");
        assertThat(item.get("title").asText()).isEqualTo("课后服务收费调整");
        assertThat(item.get("text").asText()).isEqualTo("收费依据 — 成本核算。");
        assertThat(item.get("publishedAt").asText()).isEqualTo("2026-11-21T23:30:00Z");
        assertThat(item.get("engagement").get("reads").asLong()).isEqualTo(100_000);
        assertThat(item.get("url").asText()).isEqualTo("http://mp.weixin.qq.com/s?__biz=MzA5NjExMjM0NQ==&idx=1&mid=2247483901&sn=9f1c");
    }

    @Test
    void unknownChannelAndMissingFileAreOneLineErrorsAndTheOtherFilesAreStillRead() throws Exception {
        assertThat(Yq.run("ingest", "--check", "--channel", "douyin", fixture("news.json"))).isEqualTo(2);
        assertThat(Yq.run("ingest", "--check", "--channel", "news", "/no/such/file.jsonl", fixture("news.json"))).isEqualTo(2);
        assertThat(console.err().lines().toList()).containsExactly(
                "yq: --channel must be news, weibo, wechat or policy, not 'douyin'",
                "yq: /no/such/file.jsonl: no such file; the other files are read",
                "accepted 2, rejected 0; 1 file could not be read");
        assertThat(records()).hasSize(2);
    }

    @Test
    void aBrokenArrayFileDoesNotStopTheFilesAfterIt(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"id\":\"x1\",\"site\":\"s\",\"content\":\"正文\","
                + "\"publish_time\":\"2026-11-21 10:00\"},\n{\"id\":");
        int exit = Yq.run("ingest", "--check", "--channel", "news", "--crawled-at", "2026-11-24T12:00:00+08:00", broken.toString(),
                fixture("news.json"));
        assertThat(exit).isEqualTo(3);
        assertThat(records()).hasSize(3);
        assertThat(console.err().lines().toList()).containsExactly(
                broken + ":2: not JSON: the file ends inside this element of the JSON array (cut short?)",
                "accepted 3, rejected 1");
    }

    @Test
    void hostileRecordsAreRefusedOneLineEachAndTheValidLinesBesideThemKept(@TempDir Path dir) throws Exception {
        String valid = "{\"mid\":\"%d\",\"created_at\":\"5分钟前\",\"text\":\"课后服务\"}";
        List<String> hostile = List.of(
                "[".repeat(1200),
                "{\"mid\":" + "1".repeat(1001) + "}",
                "{\"" + "k".repeat(50_000) + "\":1}",
                "{\"mid\":\"9\",\"created_at\":\"99999999999999999999分钟前\",\"text\":\"t\"}",
                "{\"mid\":\"9\",\"created_at\":\"999999999999999天前\",\"text\":\"t\"}",
                "{\"mid\":\"9\",\"created_at\":\"" + "x".repeat(1_000_000) + "\",\"text\":\"t\"}",
                "{\"mid\":\"9\",\"created_at\":\"a\\nb\\u0000c\\u001bd\",\"text\":\"t\"}",
                "{\"mid\":\"9\",\"created_at\":\"刚刚\",\"text\":\"t\",\"user\":{\"followers_count\":\"10000000000000000000\"}}",
                "\u001c\u001d",
                String.format(valid, 8) + " and text after it");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < hostile.size(); i++) {
            file.append(String.format(valid, 100 + i)).append('\r').append(hostile.get(i)).append(i % 2 == 0 ? "\n" : "\r\n");
        }
        Path path = Files.writeString(dir.resolve("hostile.jsonl"), file.toString());

        int exit = Yq.run("ingest", "--check", "--channel", "weibo", path.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(records()).extracting(n -> n.get("sourceId").asText())
                .containsExactly("100", "101", "102", "103", "104", "105", "106", "107", "108", "109");
        List<String> err = console.err().lines().toList();
        assertThat(err).hasSize(hostile.size() + 1);
        assertThat(err.get(err.size() - 1)).isEqualTo("accepted 10, rejected 10");
        assertThat(err).allSatisfy(line -> {
            assertThat(line.length()).isLessThan(400);
            assertThat(line).doesNotContain("Exception", "\tat ", "REDACTED").matches("[^\\p{Cntrl}]*");
        });
        assertThat(err.get(0)).startsWith(path + ":2: JSON nested deeper than 64 levels");
        assertThat(err.get(5)).contains("unparseable time \"xxxx").contains("(1000000 characters)");
        assertThat(err.get(6)).contains("a\\nb\\u0000c\\u001bd");
    }

    @Test
    void flattenedPortalPageIsAcceptedWithTitleNumberDateAndOfficeAndOneWithoutTitleRefusedInOneLine(@TempDir Path dir)
            throws Exception {
        assertThat(Yq.run("ingest", "--check", "--channel", "policy", fixture("policy-page-flat.txt"))).isZero();
        JsonNode policy = records().get(0);
        assertThat(policy.get("id").asText()).isEqualTo("粤府办〔2018〕19号");
        assertThat(policy.get("title").asText()).isEqualTo("广东省人民政府办公厅关于印发广东省促进全域旅游发展实施方案的通知");
        assertThat(policy.get("publishedOn").asText()).isEqualTo("2018-05-31");
        assertThat(policy.get("issuingOffice").asText()).isEqualTo("广东省人民政府办公厅");
        assertThat(policy.get("body").asText()).startsWith("各地级以上市人民政府,").doesNotContain("粤府办", "━", "浏览次数");

        console.reset();
        String withoutTitle = Files.readString(Path.of(fixture("policy-page-flat.txt"))).lines().skip(1)
                .reduce("", (page, line) -> page + line + "\n");
        Path page = Files.writeString(dir.resolve("page.txt"), withoutTitle);
        assertThat(Yq.run("ingest", "--check", "--channel", "policy", page.toString())).isEqualTo(3);
        assertThat(console.err().lines().toList()).hasSize(2).last().isEqualTo("accepted 0, rejected 1");
        assertThat(console.err().lines().findFirst().orElseThrow()).startsWith(page + ":1: missing 名称/标题 (the document's title)");
    }

    @Test
    void anEmptyPolicyPageIsARefusal(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("page.txt"), "\n \n");
        assertThat(Yq.run("ingest", "--check", "--channel", "policy", empty.toString())).isEqualTo(3);
        assertThat(console.err().lines().toList()).containsExactly(empty + ":1: empty file: no policy page in it", "accepted 0, rejected 1");
    }

    /**
     * A file several times the heap is read with memory to spare: the check runs in a JVM of its own with a 48 MB heap
     * on a 160 MB file (the 2 GB file with the default heap is measured in docs/performance.md).
     */
    @Test
    void aFileSeveralTimesTheHeapIsReadInAJvmWithA48MegabyteHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.jsonl");
        long records = 0;
        long bytes = 0;
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            String text = "课后服务收费又涨了，家长们怎么看？".repeat(6);
            while (bytes < 160_000_000L) {
                byte[] line = ("{\"mid\":\"" + (4_843_000_000L + records) + "\",\"created_at\":\"2026-11-21 10:00\",\"text\":\"" + text
                        + records + "\",\"user\":{\"id\":1000,\"screen_name\":\"江城家长\"}}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(line);
                bytes += line.length;
                records++;
            }
        }
        assertThat(Files.size(file)).isGreaterThan(150_000_000L);
        Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-Dyq.home=" + dir, "-cp", System.getProperty("java.class.path"), Yq.class.getName(),
                "ingest", "--check", "--channel", "weibo", "--crawled-at", "2026-11-22T00:00:00+08:00", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("err.txt").toFile()).start();

        assertThat(check.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("finished").isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(check.exitValue()).as(err).isZero();
        assertThat(err).endsWith("accepted " + records + ", rejected 0" + System.lineSeparator());
    }
}
