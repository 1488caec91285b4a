package org.yqsentinel.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.alerting.SampleAlerts.LINKS;
import static org.yqsentinel.alerting.SampleAlerts.alert;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yqsentinel.alerting.LoopbackPorts;
import org.yqsentinel.alerting.message.Messages;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;

/** The e-mail channel against a real SMTP server (GreenMail) on loopback. */
class EmailChannelTest {

    private static final Instant NOW = Instant.parse("2026-11-20T11:02:00Z");
    private static final Messages.Email EMAIL = new Messages(ZoneId.of("Asia/Shanghai"))
            .email(alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW), LINKS);

    private GreenMail server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private GreenMail start(int port, String protocol, GreenMailConfiguration configuration) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", protocol)).withConfiguration(configuration);
        server.start();
        return server;
    }

    private static EmailChannel channel(int port, EmailChannel.Security security, String username, String password) {
        return new EmailChannel(new EmailChannel.Smtp("127.0.0.1", port, security, username, password, "yuqing@jiangcheng.example.gov.cn",
                "舆情哨兵", Duration.ofSeconds(5), security == EmailChannel.Security.NONE ? "" : "127.0.0.1"));
    }

    @Test
    void theMailHasAnEncodedChineseSubjectAndPlainAndHtmlParts() throws Exception {
        int port = LoopbackPorts.free();
        start(port, "smtp", GreenMailConfiguration.aConfig().withUser("yuqing@jiangcheng.example.gov.cn", "yuqing", "s3cret"));

        SendResult result = channel(port, EmailChannel.Security.NONE, "yuqing", "s3cret")
                .send("alert-1|江城市教育局|email|wang.xiaoming@edu.jiangcheng.example.gov.cn", EMAIL, "王晓明",
                        "wang.xiaoming@edu.jiangcheng.example.gov.cn", NOW);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        MimeMessage received = server.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(EMAIL.subject());
        String rawSubject = received.getHeader("Subject", null);
        assertThat(rawSubject).as("RFC 2047 encoded, ASCII on the wire").startsWith("=?UTF-8?").matches("\\p{ASCII}+");
        assertThat(MimeUtility.decodeText(rawSubject)).isEqualTo(EMAIL.subject());
        assertThat(((InternetAddress) received.getAllRecipients()[0]).getPersonal()).isEqualTo("王晓明");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("舆情哨兵");
        assertThat(received.getMessageID()).as("derived from the delivery id").isEqualTo(result.detail()).endsWith("@yq-sentinel>");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(EMAIL.text());
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n")).isEqualTo(EMAIL.html());
        assertThat(GreenMailUtil.getBody(received)).as("bodies are transfer-encoded on the wire").doesNotContain("课后服务");
    }

    @Test
    void theSameDeliveryAlwaysCarriesTheSameMessageId() throws Exception {
        int port = LoopbackPorts.free();
        start(port, "smtp", GreenMailConfiguration.aConfig().withDisabledAuthentication());
        EmailChannel channel = channel(port, EmailChannel.Security.NONE, "", "");

        SendResult first = channel.send("alert-1|duty|email|a@example.gov.cn", EMAIL, "", "a@example.gov.cn", NOW);
        SendResult again = channel.send("alert-1|duty|email|a@example.gov.cn", EMAIL, "", "a@example.gov.cn", NOW.plusSeconds(60));
        SendResult other = channel.send("alert-2|duty|email|a@example.gov.cn", EMAIL, "", "a@example.gov.cn", NOW);

        assertThat(again.detail()).isEqualTo(first.detail());
        assertThat(other.detail()).isNotEqualTo(first.detail());
    }

    @Test
    void anUnreachableServerIsRetriedAndTheMailGoesOutOnceItIsBack() throws Exception {
        int port = LoopbackPorts.free();
        EmailChannel channel = channel(port, EmailChannel.Security.NONE, "", "");

        SendResult refused = channel.send("alert-1|duty|email|a@example.gov.cn", EMAIL, "", "a@example.gov.cn", NOW);
        start(port, "smtp", GreenMailConfiguration.aConfig().withDisabledAuthentication());
        SendResult recovered = channel.send("alert-1|duty|email|a@example.gov.cn", EMAIL, "", "a@example.gov.cn", NOW);

        assertThat(refused.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(refused.detail()).contains("unreachable");
        assertThat(recovered.outcome()).isEqualTo(SendResult.Outcome.SENT);
        assertThat(server.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRefusedLoginIsGivenUpWithWhatToCheck() throws Exception {
        int port = LoopbackPorts.free();
        start(port, "smtp", GreenMailConfiguration.aConfig().withUser("yuqing@jiangcheng.example.gov.cn", "yuqing", "s3cret"));

        SendResult result = channel(port, EmailChannel.Security.NONE, "yuqing", "wrong")
                .send("alert-1|duty|email|a@example.gov.cn", EMAIL, "", "a@example.gov.cn", NOW);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.GIVE_UP);
        assertThat(result.detail()).contains("refused the login").contains("YQ_SMTP_PASSWORD");
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMalformedAddressIsGivenUpWithoutContactingTheServer() {
        SendResult result = channel(LoopbackPorts.free(), EmailChannel.Security.NONE, "", "")
                .send("alert-1|duty|email|x", EMAIL, "", "not an address", NOW);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.GIVE_UP);
        assertThat(result.detail()).contains("malformed e-mail address");
    }

    @Test
    void overTlsTheMailGoesOutToARelayWithItsOwnCertificate() throws Exception {
        int port = LoopbackPorts.free();
        start(port, "smtps", GreenMailConfiguration.aConfig().withDisabledAuthentication());

        SendResult result = channel(port, EmailChannel.Security.TLS, "", "")
                .send("alert-1|duty|email|a@example.gov.cn", EMAIL, "", "a@example.gov.cn", NOW);

        assertThat(result.outcome()).as(result.detail()).isEqualTo(SendResult.Outcome.SENT);
        assertThat(server.getReceivedMessages()[0].getSubject()).isEqualTo(EMAIL.subject());
    }

    @Test
    void aServerWithoutStartTlsIsRefusedWhenStartTlsIsRequired() throws Exception {
        int port = LoopbackPorts.free();
        start(port, "smtp", GreenMailConfiguration.aConfig().withDisabledAuthentication());

        SendResult result = channel(port, EmailChannel.Security.STARTTLS, "", "")
                .send("alert-1|duty|email|a@example.gov.cn", EMAIL, "", "a@example.gov.cn", NOW);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.GIVE_UP);
        assertThat(result.detail()).contains("does not offer STARTTLS");
        assertThat(server.getReceivedMessages()).as("nothing sent in the clear").isEmpty();
    }

    @Test
    void replyCodesFourHundredAreRetriedFiveHundredGivenUp() {
        assertThat(EmailChannel.byReplyCode(421, "service not available").outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(EmailChannel.byReplyCode(452, "insufficient storage").outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(EmailChannel.byReplyCode(550, "mailbox unavailable").outcome()).isEqualTo(SendResult.Outcome.GIVE_UP);
        assertThat(EmailChannel.byReplyCode(554, "transaction failed").detail()).isEqualTo("SMTP 554: transaction failed");
    }
}
