package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yqsentinel.app.Console;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.json.Json;

/** {@code yq analyze} on hand-written hard cases, no stack. */
class AnalyzeCommandTest {

    @RegisterExtension
    final Console console = Console.captured();
    private InputStream originalIn;

    @BeforeEach
    void keepStdin() {
        originalIn = System.in;
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    private List<JsonNode> analyze(String... lines) throws Exception {
        System.setIn(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(Yq.run("analyze")).isZero();
        List<JsonNode> results = new ArrayList<>();
        for (String line : console.out().lines().toList()) {
            results.add(Json.mapper().readTree(line));
        }
        return results;
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(field == null ? node.asText() : node.get(field).asText()));
        return values;
    }

    @Test
    void traditionalCharactersDictionaryWordsRegionsTopicsSentimentAndMasking() throws Exception {
        List<JsonNode> results = analyze(
                "課後服務收費又漲了，這也叫減負？[怒]",
                "佛山市顺德区一小学食堂饭菜发霉，家长张伟（电话13812345678）要求学校说明",
                "市长李明表示省教育厅将推进一网通办，天河区地铁通勤拥堵问题尽快解决");
        assertThat(results).hasSize(3);

        JsonNode fees = results.get(0);
        assertThat(fees.get("text").asText()).isEqualTo("课后服务收费又涨了,这也叫减负?[怒]");
        assertThat(values(fees.get("tokens"), null)).contains("课后服务", "减负");
        assertThat(fees.get("sentiment").get("label").asText()).isEqualTo("NEGATIVE");
        assertThat(fees.get("emotion").get("label").asText()).isIn("ANGRY", "SAD", "FEAR");
        assertThat(fees.get("emotion").get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(values(fees.get("topics"), "name")).containsExactly("教育");

        JsonNode canteen = results.get(1);
        assertThat(canteen.get("region").get("city").asText()).isEqualTo("佛山");
        assertThat(values(canteen.get("topics"), "name")).contains("食品药品安全", "教育");
        assertThat(canteen.get("maskedText").asText()).contains("张*").contains("138****5678").doesNotContain("13812345678");

        JsonNode official = results.get(2);
        assertThat(values(official.get("tokens"), null)).contains("省教育厅", "一网通办", "天河区");
        assertThat(official.get("region").get("city").asText()).isEqualTo("广州");
        assertThat(official.get("maskedText").asText()).as("officials named with their title stay").contains("市长李明");
        assertThat(values(official.get("topics"), "name")).contains("交通出行");
    }

    @Test
    void itemJsonFromIngestCheckIsEnrichedAsAnItem() throws Exception {
        List<JsonNode> results = analyze("{\"id\":\"weibo:1\",\"channel\":\"weibo\",\"sourceId\":\"1\",\"text\":\"天河区的公交又改线了，通勤太难\","
                + "\"publishedAt\":\"2026-11-20T02:00:00Z\",\"region\":{\"province\":\"广东\"}}");
        assertThat(results.get(0).get("id").asText()).isEqualTo("weibo:1");
        assertThat(results.get(0).get("region").get("city").asText()).isEqualTo("广州");
        assertThat(results.get(0).has("tokens")).isTrue();
    }
}
