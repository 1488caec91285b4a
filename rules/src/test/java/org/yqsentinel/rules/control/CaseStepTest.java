package org.yqsentinel.rules.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.rules.control.ControlMessage.ControlMessageException;

class CaseStepTest {

    private static final String CASE = "case:江教发〔2026〕18号/opened/iv_blue/1763629200000";
    private static final String SUBJECT = "江教发〔2026〕18号";
    private static final String BY = "王晓明（江城市教育局）";
    private static final Instant AT = Instant.parse("2026-11-21T09:30:00Z");

    /** A case message with the common fields and {@code more} (JSON members, each with its trailing comma or none). */
    private static byte[] message(String step, String more) {
        return ("{\"kind\":\"case\",\"step\":\"" + step + "\",\"caseId\":\"" + CASE + "\",\"subjectId\":\"" + SUBJECT + "\",\"by\":\""
                + BY + "\",\"at\":\"" + AT + "\"" + (more.isEmpty() ? "" : "," + more) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static CaseStep parsed(byte[] message) {
        ControlMessage read = ControlMessage.parse(message);
        assertThat(read).isInstanceOf(CaseStep.class);
        return (CaseStep) read;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(byte[] message) {
        return assertThatThrownBy(() -> ControlMessage.parse(message)).isInstanceOf(ControlMessageException.class);
    }

    @Test
    void anAckIsReadWithItsRecordedTimeDefaultingToItsTime() {
        CaseStep ack = parsed(message("ack", ""));
        assertThat(ack).isEqualTo(new CaseStep(CaseStep.Step.ACK, CASE, SUBJECT, BY, AT, null, null, null, AT));
        assertThat(ack.at()).isEqualTo(AT);
        assertThat(ack.recordedAt()).isEqualTo(AT);
        assertThat(ack.step().timelineKind()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void aResponseIsReadWithItsChannelUrlTextAndLaterRecordedTime() {
        Instant recorded = Instant.parse("2026-11-21T11:05:00Z");
        CaseStep respond = parsed(message("respond", "\"channel\":\"官方微博\",\"url\":\"https://weibo.com/1/2\","
                + "\"text\":\"关于收费标准的说明\",\"recordedAt\":\"" + recorded + "\""));
        assertThat(respond.step()).isEqualTo(CaseStep.Step.RESPOND);
        assertThat(respond.channel()).isEqualTo("官方微博");
        assertThat(respond.url()).isEqualTo("https://weibo.com/1/2");
        assertThat(respond.text()).isEqualTo("关于收费标准的说明");
        assertThat(respond.at()).isEqualTo(AT);
        assertThat(respond.recordedAt()).isEqualTo(recorded);
    }

    @Test
    void aResponseNeedsOnlyItsUrlOrItsText() {
        assertThat(parsed(message("respond", "\"channel\":\"新闻发布会\",\"text\":\"发布会上的回应\"")).url()).isNull();
        assertThat(parsed(message("respond", "\"channel\":\"官方网站\",\"url\":\"http://jyj.jiangcheng.gov.cn/a/1.html\"")).text())
                .isNull();
    }

    @Test
    void closeReopenAndAssignAreReadWithTheirText() {
        CaseStep close = parsed(message("close", "\"text\":\"已回应，舆情平息\""));
        assertThat(close.step()).isEqualTo(CaseStep.Step.CLOSE);
        assertThat(close.text()).isEqualTo("已回应，舆情平息");
        assertThat(close.recordedAt()).isEqualTo(AT);

        CaseStep reopen = parsed(message("reopen", ""));
        assertThat(reopen.step()).isEqualTo(CaseStep.Step.REOPEN);
        assertThat(reopen.text()).isNull();
        assertThat(parsed(message("reopen", "\"text\":\"舆情再起\"")).text()).isEqualTo("舆情再起");

        CaseStep assign = parsed(message("assign", "\"text\":\"市政府办公室交办，24小时内回应\""));
        assertThat(assign.step()).isEqualTo(CaseStep.Step.ASSIGN);
        assertThat(assign.text()).isEqualTo("市政府办公室交办，24小时内回应");
        assertThat(assign.caseId()).isEqualTo(CASE);
        assertThat(assign.subjectId()).isEqualTo(SUBJECT);
        assertThat(assign.by()).isEqualTo(BY);
    }

    @Test
    void theStepIsReadWhateverItsCase() {
        assertThat(parsed(message("ACK", "")).step()).isEqualTo(CaseStep.Step.ACK);
        assertThat(parsed(message("Close", "\"text\":\"结案\"")).step()).isEqualTo(CaseStep.Step.CLOSE);
    }

    @Test
    void textIsStrippedAndBlankTextIsNone() {
        CaseStep reopen = parsed(message("reopen", "\"text\":\"   \""));
        assertThat(reopen.text()).isNull();
        assertThat(parsed(message("close", "\"text\":\"  已平息 \"")).text()).isEqualTo("已平息");
    }

    @Test
    void eachStepRoundTripsThroughItsJson() {
        Instant recorded = Instant.parse("2026-11-21T12:00:00Z");
        for (CaseStep step : new CaseStep[] {
                new CaseStep(CaseStep.Step.ACK, CASE, SUBJECT, BY, AT, null, null, null, null),
                new CaseStep(CaseStep.Step.RESPOND, CASE, SUBJECT, BY, AT, "官方微博", "https://weibo.com/1/2", "回应全文", recorded),
                new CaseStep(CaseStep.Step.RESPOND, CASE, SUBJECT, BY, AT, "新闻发布会", null, "发布会上的回应", null),
                new CaseStep(CaseStep.Step.CLOSE, CASE, SUBJECT, BY, AT, null, null, "已回应，舆情平息", null),
                new CaseStep(CaseStep.Step.REOPEN, CASE, SUBJECT, BY, AT, null, null, null, recorded),
                new CaseStep(CaseStep.Step.ASSIGN, CASE, SUBJECT, BY, AT, null, null, "上级交办：限期回应", null)}) {
            assertThat(ControlMessage.parse(step.toJson())).as(step.step().key()).isEqualTo(step);
        }
    }

    @Test
    void theJsonCarriesTheKindAndOnlyTheFieldsTheStepHas() throws Exception {
        CaseStep ack = new CaseStep(CaseStep.Step.ACK, CASE, SUBJECT, BY, AT, null, null, null, null);
        var node = Json.mapper().readTree(ack.toJson());
        assertThat(node.get("kind").asText()).isEqualTo("case");
        assertThat(node.get("step").asText()).isEqualTo("ack");
        assertThat(node.get("at").asText()).isEqualTo("2026-11-21T09:30:00Z");
        assertThat(node.get("recordedAt").asText()).isEqualTo("2026-11-21T09:30:00Z");
        assertThat(node.has("channel")).isFalse();
        assertThat(node.has("url")).isFalse();
        assertThat(node.has("text")).isFalse();
    }

    @Test
    void anUnknownStepIsRefusedNamingTheSteps() {
        refused(message("approve", "")).hasMessageContaining("unknown step 'approve'")
                .hasMessageContaining("ack, respond, close, reopen, assign");
    }

    @Test
    void aStepWithoutItsCaseSubjectOrPersonIsRefused() {
        refused(json("{\"kind\":\"case\",\"step\":\"ack\",\"subjectId\":\"p\",\"by\":\"王\",\"at\":\"" + AT + "\"}"))
                .hasMessageContaining("missing caseId");
        refused(json("{\"kind\":\"case\",\"step\":\"ack\",\"caseId\":\"c\",\"by\":\"王\",\"at\":\"" + AT + "\"}"))
                .hasMessageContaining("missing subjectId");
        refused(json("{\"kind\":\"case\",\"step\":\"ack\",\"caseId\":\"c\",\"subjectId\":\"p\",\"at\":\"" + AT + "\"}"))
                .hasMessageContaining("missing by");
        refused(json("{\"kind\":\"case\",\"step\":\"ack\",\"caseId\":\"c\",\"subjectId\":\"p\",\"by\":\"  \",\"at\":\"" + AT + "\"}"))
                .hasMessageContaining("missing by");
        refused(json("{\"kind\":\"case\",\"caseId\":\"c\",\"subjectId\":\"p\",\"by\":\"王\",\"at\":\"" + AT + "\"}"))
                .hasMessageContaining("missing step");
    }

    @Test
    void aResponseWithoutItsChannelIsRefused() {
        refused(message("respond", "\"url\":\"https://weibo.com/1/2\"")).hasMessageContaining("missing channel");
        refused(message("respond", "\"channel\":\" \",\"text\":\"回应\"")).hasMessageContaining("missing channel");
    }

    @Test
    void aResponseWithNeitherUrlNorTextIsRefused() {
        refused(message("respond", "\"channel\":\"官方微博\"")).hasMessageContaining("a response needs its url or its text");
        refused(message("respond", "\"channel\":\"官方微博\",\"url\":\"\",\"text\":\"  \""))
                .hasMessageContaining("a response needs its url or its text");
    }

    @Test
    void aResponseUrlMustBeAnHttpOrHttpsAddress() {
        refused(message("respond", "\"channel\":\"官方微博\",\"url\":\"javascript:alert(1)\""))
                .hasMessageContaining("url 'javascript:alert(1)' is not an http or https address");
        refused(message("respond", "\"channel\":\"官方微博\",\"url\":\"ftp://x\""))
                .hasMessageContaining("url 'ftp://x' is not an http or https address");
        refused(message("respond", "\"channel\":\"官方微博\",\"url\":\"weibo.com/1/2\""))
                .hasMessageContaining("is not an http or https address");
        refused(message("respond", "\"channel\":\"官方微博\",\"url\":\"https://weibo.com/a b\""))
                .hasMessageContaining("url 'https://weibo.com/a b' is not an address");
        assertThat(parsed(message("respond", "\"channel\":\"官方微博\",\"url\":\"HTTPS://weibo.com/1/2\"")).url())
                .isEqualTo("HTTPS://weibo.com/1/2");
    }

    @Test
    void closeAndAssignNeedTheirText() {
        refused(message("close", "")).hasMessageContaining("missing text (the conclusion of the case)");
        refused(message("close", "\"text\":\"  \"")).hasMessageContaining("missing text");
        refused(message("assign", "")).hasMessageContaining("missing text (what was assigned, by whom)");
    }

    @Test
    void onlyAResponseHasAChannelOrAUrl() {
        refused(message("ack", "\"channel\":\"官方微博\"")).hasMessageContaining("only a response has a channel or a url, not ack");
        refused(message("close", "\"text\":\"结案\",\"url\":\"https://weibo.com/1/2\""))
                .hasMessageContaining("only a response has a channel or a url, not close");
        refused(message("assign", "\"text\":\"交办\",\"channel\":\"电话\""))
                .hasMessageContaining("not assign");
    }

    @Test
    void aTextLongerThanTheLimitIsRefused() {
        String longest = "字".repeat(CaseStep.MAX_TEXT);
        assertThat(parsed(message("close", "\"text\":\"" + longest + "\"")).text()).hasSize(CaseStep.MAX_TEXT);
        refused(message("close", "\"text\":\"" + longest + "字\""))
                .hasMessageContaining("text is " + (CaseStep.MAX_TEXT + 1) + " characters; at most " + CaseStep.MAX_TEXT);
        refused(message("respond", "\"channel\":\"官方微博\",\"text\":\"" + longest + "字\""))
                .hasMessageContaining("at most " + CaseStep.MAX_TEXT);
    }

    @Test
    void aNameLongerThanTheLimitIsRefused() {
        String name = "王".repeat(CaseStep.MAX_NAME + 1);
        refused(json("{\"kind\":\"case\",\"step\":\"ack\",\"caseId\":\"c\",\"subjectId\":\"p\",\"by\":\"" + name + "\",\"at\":\"" + AT
                + "\"}")).hasMessageContaining("by is " + (CaseStep.MAX_NAME + 1) + " characters; at most " + CaseStep.MAX_NAME);
        refused(message("respond", "\"channel\":\"" + name + "\",\"text\":\"回应\""))
                .hasMessageContaining("channel is " + (CaseStep.MAX_NAME + 1) + " characters");
    }

    @Test
    void aFieldThatIsNotTextIsRefusedSayingWhatItIs() {
        refused(message("close", "\"text\":5")).hasMessageContaining("text must be text, not number");
        refused(message("respond", "\"channel\":[\"官方微博\"],\"text\":\"回应\"")).hasMessageContaining("channel must be text, not array");
        refused(message("respond", "\"channel\":\"官方微博\",\"url\":true")).hasMessageContaining("url must be text, not boolean");
    }

    @Test
    void aBadRecordedTimeIsRefused() {
        refused(message("ack", "\"recordedAt\":\"yesterday\""))
                .hasMessageContaining("recordedAt 'yesterday' is not an ISO-8601 UTC time");
        refused(message("ack", "\"recordedAt\":\"2026-11-21 09:30\""))
                .hasMessageContaining("recordedAt '2026-11-21 09:30'");
    }

    @Test
    void aStepBuiltInCodeIsCheckedAsAMessageIs() {
        assertThatThrownBy(() -> new CaseStep(CaseStep.Step.RESPOND, CASE, SUBJECT, BY, AT, "官方微博", "javascript:alert(1)", null, null))
                .isInstanceOf(ControlMessageException.class).hasMessageContaining("not an http or https address");
        assertThatThrownBy(() -> new CaseStep(CaseStep.Step.ACK, null, SUBJECT, BY, AT, null, null, null, null))
                .isInstanceOf(ControlMessageException.class).hasMessageContaining("missing caseId");
        assertThat(new CaseStep(CaseStep.Step.ACK, CASE, SUBJECT, BY, AT, null, null, null, null).recordedAt()).isEqualTo(AT);
    }
}
