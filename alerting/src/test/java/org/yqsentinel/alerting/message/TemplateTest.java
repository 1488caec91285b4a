package org.yqsentinel.alerting.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.rules.RuleException;

class TemplateTest {

    static final Template.Names NAMES = new Template.Names(Set.of("title", "remark", "link"), Map.of("posts", Set.of("source", "url")));

    static String render(String text, Template.Layout layout, Map<String, ?> values) {
        return Template.parse("t.txt", text, NAMES, layout).render(values);
    }

    static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    @Test
    void aSectionShowsWhenItsValueIsGivenAndAnInvertedOneWhenNot() {
        String text = "{{#remark}}【{{remark}}】{{/remark}}{{^remark}}（无）{{/remark}}{{title}}";

        assertThat(render(text, Template.Layout.TEXT, values("remark", "催办", "title", "通知"))).isEqualTo("【催办】通知");
        assertThat(render(text, Template.Layout.TEXT, values("remark", null, "title", "通知"))).isEqualTo("（无）通知");
        assertThat(render(text, Template.Layout.TEXT, values("remark", "", "title", "通知"))).as("an empty value is given").isEqualTo("【】通知");
    }

    @Test
    void aListSectionRepeatsForEachItemWhoseNamesItKnowsBesideTheOuterOnes() {
        String text = "{{#posts}}{{source}} {{title}}{{#url}} {{url}}{{/url}};{{/posts}}{{^posts}}none{{/posts}}";
        List<Map<String, String>> posts = List.of(Map.of("source", "微博", "url", "https://m.weibo.cn/1"), Map.of("source", "江城日报"));

        assertThat(render(text, Template.Layout.TEXT, values("posts", posts, "title", "T"))).isEqualTo("微博 T https://m.weibo.cn/1;江城日报 T;");
        assertThat(render(text, Template.Layout.TEXT, values("posts", List.of()))).isEqualTo("none");
    }

    @Test
    void linesOfOnlyASectionTagOrACommentAreDroppedWholeAndSoAreLineBreaksAtTheEnd() {
        String text = """
                {{! a comment }}
                {{#posts}}
                  · {{source}}
                {{/posts}}
                end

                """;

        assertThat(render(text, Template.Layout.TEXT, values("posts", List.of(Map.of("source", "a"), Map.of("source", "b")))))
                .isEqualTo("  · a\n  · b\nend");
        assertThat(render("a\r\nb\r\n", Template.Layout.TEXT, Map.of())).as("Windows line breaks").isEqualTo("a\nb");
    }

    @Test
    void anHtmlTemplateEscapesValuesAndDropsLineBreaksWithTheIndentationAfterThem() {
        String text = """
                <p>
                  <a href="{{link}}">{{title}}</a>　<b>x</b>
                </p>
                """;

        assertThat(render(text, Template.Layout.HTML, values("link", "http://h/?a=1&b='2'", "title", "<b>1200</b>")))
                .isEqualTo("<p><a href=\"http://h/?a=1&amp;b=&#39;2&#39;\">&lt;b&gt;1200&lt;/b&gt;</a>　<b>x</b></p>");
        assertThat(render("{{title}}", Template.Layout.TEXT, values("title", "<b>"))).as("text is not escaped").isEqualTo("<b>");
    }

    @Test
    void aOneLineMessageTakesTagsOnLinesOfTheirOwnButRefusesASecondLine() {
        String text = "{{! the subject }}\n{{#remark}}【{{remark}}】{{/remark}}{{title}}\n\n";

        assertThat(render(text, Template.Layout.LINE, values("remark", "催办", "title", "通知"))).isEqualTo("【催办】通知");
        assertThatThrownBy(() -> Template.parse("t.txt", "{{#remark}}【{{remark}}】\n{{/remark}}{{title}}", NAMES, Template.Layout.LINE))
                .isInstanceOf(RuleException.class).hasMessageStartingWith("t.txt:2: this message is one line, and line 1 is it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "x\\n{{titel}}          | t.txt:2: unknown placeholder {{titel}}; this template knows {{#posts}} {{link}} {{remark}} {{title}}",
            "{{source}}             | t.txt:1: unknown placeholder {{source}}",
            "{{#posts}}{{url}}      | t.txt:1: {{#posts}} is never closed: end the section with {{/posts}}",
            "{{#remark}}\\n{{/title}} | t.txt:2: {{/title}} closes no section: the section open here is {{#remark}} of line 1, closed by {{/remark}}",
            "{{posts}}              | t.txt:1: {{posts}} is a list: write {{#posts}}…{{/posts}} around what is repeated",
            "a {{title}             | t.txt:1: '{{' is not closed on its line",
            "{{ti tle}}             | t.txt:1: '{{ti tle}}' is not a placeholder: a name is letters and digits"})
    void whatATemplateCannotSayIsRefusedWithItsFileLineAndWhatToWrite(String text, String message) {
        assertThatThrownBy(() -> Template.parse("t.txt", text.replace("\\n", "\n"), NAMES, Template.Layout.TEXT))
                .isInstanceOf(RuleException.class).hasMessageStartingWith(message);
    }
}
