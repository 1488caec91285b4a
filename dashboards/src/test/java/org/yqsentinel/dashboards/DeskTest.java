package org.yqsentinel.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The case link of an alert mail opens the case view on the case's time range, filtered to the case. */
class DeskTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-02T12:30:00Z");
    private static final String POLICY = "国办发〔2026〕3号";
    private static final String CASE = "case:" + POLICY + "/opened/iii_yellow/1772323200000";

    /** The decoded values of the link's {@code _g} and {@code _a}, checking the link is plain ASCII on the way. */
    private static Map<String, String> state(String url) {
        assertThat(url).matches("[\\x21-\\x7e]+");
        URI uri = URI.create(url);
        assertThat(uri.getRawFragment()).startsWith("/view/" + Desk.CASE_VIEW_ID + "?");
        Map<String, String> state = new LinkedHashMap<>();
        for (String param : uri.getRawFragment().substring(uri.getRawFragment().indexOf('?') + 1).split("&")) {
            int eq = param.indexOf('=');
            state.put(param.substring(0, eq), URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return state;
    }

    /** Reads back a quoted Rison string ({@code 'it!'s'} is {@code it's}). */
    private static String risonString(String quoted) {
        assertThat(quoted).startsWith("'").endsWith("'");
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '!') {
                c = quoted.charAt(++i);
                assertThat(c).as("Rison escapes only ! and '").isIn('!', '\'');
            } else {
                assertThat(c).as("an unescaped ' ends the string early").isNotEqualTo('\'');
            }
            out.append(c);
        }
        return out.toString();
    }

    @Test
    void caseLinkOpensTheCaseViewOverTheCasesTimeWithAQueryForTheCaseAndItsPolicy() {
        String url = Desk.caseViewUrl("http://127.0.0.1:5601/", CASE, POLICY, FROM, TO);

        assertThat(url).startsWith("http://127.0.0.1:5601/app/dashboards#/view/yq-case-view?_g=(time:(from:'2026-03-01T00:00:00Z',");
        Map<String, String> state = state(url);
        assertThat(state.keySet()).containsExactly("_g", "_a");
        assertThat(state.get("_g")).isEqualTo("(time:(from:'2026-03-01T00:00:00Z',to:'2026-03-02T12:30:00Z'))");
        assertThat(state.get("_a")).isEqualTo("(query:(language:kuery,query:'caseId:\"" + CASE + "\" or policyLinks.policyId:\""
                + POLICY + "\" or (subjectId:\"" + POLICY + "\" and not caseId:*)'))");
        assertThat(url).contains("%E5%9B%BD%E5%8A%9E%E5%8F%91").contains("%20or%20").doesNotContain("国");
    }

    @Test
    void idsWithQuotesBangsAmpersandsAndSpacesSurviveRisonUrlAndKql() {
        String caseId = "case:a'b!c\"d&e#f+g h\\i";
        String policy = "p&q=r's";
        Map<String, String> state = state(Desk.caseViewUrl("https://kibana.example.cn/s/desk", caseId, policy, FROM, TO));

        String a = state.get("_a");
        String prefix = "(query:(language:kuery,query:";
        assertThat(a).startsWith(prefix).endsWith("))");
        Kql.Node query = Kql.parse(risonString(a.substring(prefix.length(), a.length() - 2)));

        assertThat(query).isEqualTo(new Kql.Or(List.of(
                new Kql.Is("caseId", caseId, true),
                new Kql.Is("policyLinks.policyId", policy, true),
                new Kql.And(List.of(new Kql.Is("subjectId", policy, true), new Kql.Not(new Kql.Is("caseId", null, false)))))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "kuery | kuery",
            "yq-case-view | yq-case-view",
            "2026-03-01T00:00:00Z | '2026-03-01T00:00:00Z'",
            "-1 | '-1'",
            "a b | 'a b'",
            "it's! | 'it!'s!!'",
            "x:y | 'x:y'",
            "国办发 | 国办发"})
    void risonLeavesIdentifiersBareAndQuotesTheRest(String value, String rison) {
        assertThat(Rison.string(value)).isEqualTo(rison);
    }

    @Test
    void risonQuotesTheEmptyString() {
        assertThat(Rison.string("")).isEqualTo("''");
    }

    @Test
    void urlEncodingKeepsRisonPunctuationReadableAndEncodesTheRest() {
        assertThat(Rison.urlEncoded("(a:'b c',d:!(x))")).isEqualTo("(a:'b%20c',d:!(x))");
        assertThat(Rison.urlEncoded("&=#+%\"/?国")).isEqualTo("%26%3D%23%2B%25%22%2F%3F%E5%9B%BD");
    }

    @Test
    void theDeskHasItsTwoDashboardsAndEachPanelOnlyOnce() {
        assertThat(Desk.dashboards()).extracting(Dashboard::id).containsExactly("yq-desk-overview", "yq-case-view");
        assertThat(Desk.objectIds()).doesNotHaveDuplicates();
        assertThat(Desk.overview().title()).isEqualTo("舆情值守总览");
        assertThat(Desk.caseView().title()).isEqualTo("舆情案件");
    }
}
