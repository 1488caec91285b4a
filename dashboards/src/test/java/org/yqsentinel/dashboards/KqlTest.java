package org.yqsentinel.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.model.json.Json;

/** The KQL the desk writes reads as Kibana reads it and becomes the query Kibana's kbn-es-query builds. */
class KqlTest {

    private static final Map<String, String> TYPES = Map.of("status", "keyword", "kind", "keyword", "text", "text",
            "publishedAt", "date", "score", "double");

    private static JsonNode query(String kql) {
        return Kql.toQuery(Kql.parse(kql), TYPES::get);
    }

    private static JsonNode json(String json) throws IOException {
        return Json.mapper().readTree(json.replace('\'', '"'));
    }

    @Test
    void aKeywordValueIsATermInAOneClauseShould() throws IOException {
        assertThat(query("status:CLOSED")).isEqualTo(json(
                "{'bool':{'should':[{'term':{'status':{'value':'CLOSED'}}}],'minimum_should_match':1}}"));
    }

    @Test
    void notIsAMustNotAndAndIsAFilter() throws IOException {
        assertThat(query("kind:delivery and not status:SENT")).isEqualTo(json("{'bool':{'filter':["
                + "{'bool':{'should':[{'term':{'kind':{'value':'delivery'}}}],'minimum_should_match':1}},"
                + "{'bool':{'must_not':{'bool':{'should':[{'term':{'status':{'value':'SENT'}}}],'minimum_should_match':1}}}}]}}"));
    }

    @Test
    void aStarIsAnExistsQueryAndOrIsAShouldOfItsClauses() throws IOException {
        assertThat(query("status:* or kind:event")).isEqualTo(json("{'bool':{'should':["
                + "{'bool':{'should':[{'exists':{'field':'status'}}],'minimum_should_match':1}},"
                + "{'bool':{'should':[{'term':{'kind':{'value':'event'}}}],'minimum_should_match':1}}],'minimum_should_match':1}}"));
    }

    @Test
    void aTextFieldIsMatchedAndAQuotedValueMatchedAsAPhraseAndAnUnknownFieldPassedAsIs() throws IOException {
        assertThat(query("text:医保")).isEqualTo(json("{'bool':{'should':[{'match':{'text':'医保'}}],'minimum_should_match':1}}"));
        assertThat(query("text:\"异地 就医\"")).isEqualTo(json(
                "{'bool':{'should':[{'match_phrase':{'text':'异地 就医'}}],'minimum_should_match':1}}"));
        assertThat(query("caseId:\"case:a\"")).isEqualTo(json(
                "{'bool':{'should':[{'match_phrase':{'caseId':'case:a'}}],'minimum_should_match':1}}"));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesGroup() {
        Kql.Is a = new Kql.Is("a", "1", false);
        Kql.Is b = new Kql.Is("b", "2", false);
        Kql.Is c = new Kql.Is("c", "3", false);
        assertThat(Kql.parse("a:1 or b:2 and c:3")).isEqualTo(new Kql.Or(List.of(a, new Kql.And(List.of(b, c)))));
        assertThat(Kql.parse("(a:1 or b:2) AND not c:3")).isEqualTo(new Kql.And(List.of(new Kql.Or(List.of(a, b)), new Kql.Not(c))));
        assertThat(Kql.parse("  ")).isNull();
    }

    @Test
    void quotedKeepsBackslashesAndQuotesLiteral() {
        String value = "a\"b\\c";
        assertThat(Kql.parse("f:" + Kql.quoted(value))).isEqualTo(new Kql.Is("f", value, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "status:", "score >= 3", "status:CLO*", "(status:A", "status:\"open", "a:1 b:2"})
    void whatItDoesNotReadItRefuses(String kql) {
        assertThatThrownBy(() -> Kql.parse(kql)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(kql);
    }

    @Test
    void aDateFieldIsLeftToTheTimeRange() {
        assertThatThrownBy(() -> query("publishedAt:2026-03-01")).hasMessageContaining("publishedAt");
    }
}
