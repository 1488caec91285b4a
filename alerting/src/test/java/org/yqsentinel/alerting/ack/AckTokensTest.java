package org.yqsentinel.alerting.ack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.config.ConfigException;

class AckTokensTest {

    private static final byte[] SECRET = "a-test-secret-of-more-than-32-bytes-0123456789".getBytes(UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final AckTokens TOKENS = new AckTokens(SECRET);
    private static final AckTokens.Claim CLAIM = new AckTokens.Claim("case-江教发18", "江教发〔2026〕18号/escalated/ii_orange/1795266000000",
            "江城市教育局/王晓明", NOW.plusSeconds(3600));

    @Test
    void aTokenItIssuedIsValidUntilItExpiresAndCarriesItsClaim() {
        String token = TOKENS.issue(CLAIM);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        AckTokens.Check check = TOKENS.check(token, NOW);
        assertThat(check.valid()).isTrue();
        assertThat(check.claim()).isEqualTo(CLAIM);
        assertThat(TOKENS.check(token, NOW.plusSeconds(3599)).verdict()).isEqualTo(AckTokens.Verdict.VALID);
        assertThat(TOKENS.check(token, NOW.plusSeconds(3600)).verdict()).isEqualTo(AckTokens.Verdict.EXPIRED);
        assertThat(TOKENS.check(token, NOW.plusSeconds(3600)).claim().caseId()).as("an expired link still says which case").isEqualTo("case-江教发18");
    }

    @Test
    void anAlteredOrForeignTokenIsForged() {
        String token = TOKENS.issue(CLAIM);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String otherCase = new String(Base64.getUrlDecoder().decode(payload), UTF_8).replace("case-江教发18", "case-other");
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(otherCase.getBytes(UTF_8)) + "." + signature;

        assertThat(TOKENS.check(altered, NOW).verdict()).isEqualTo(AckTokens.Verdict.FORGED);
        assertThat(TOKENS.check(altered, NOW).claim()).isNull();
        AckTokens other = new AckTokens("another-secret-of-more-than-32-bytes-abcdefghij".getBytes(UTF_8));
        assertThat(other.check(token, NOW).verdict()).as("signed under another secret").isEqualTo(AckTokens.Verdict.FORGED);
        String later = TOKENS.issue(new AckTokens.Claim(CLAIM.caseId(), CLAIM.alertId(), CLAIM.receiver(), NOW.plusSeconds(86_400)));
        String spliced = payload.substring(0, payload.length() - 4) + later.substring(later.indexOf('.') - 4);
        assertThat(TOKENS.check(spliced, NOW).valid()).as("an expiry spliced in from another token").isFalse();
    }

    @Test
    void somethingThatIsNotATokenIsMalformed() {
        for (String token : new String[] {null, "", "abc", "a.b.c", "ab cd.ef", TOKENS.issue(CLAIM).substring(0, 20)}) {
            assertThat(TOKENS.check(token, NOW).verdict()).as(String.valueOf(token)).isIn(AckTokens.Verdict.MALFORMED, AckTokens.Verdict.FORGED);
        }
        assertThat(TOKENS.check("abc", NOW).verdict()).isEqualTo(AckTokens.Verdict.MALFORMED);
    }

    @Test
    void theSecretComesFromTheEnvironmentAndMustBeLongEnough() {
        assertThatThrownBy(() -> AckTokens.fromEnvironment(Map.<String, String>of()::get)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("YQ_ACK_SECRET is not set");
        assertThatThrownBy(() -> AckTokens.fromEnvironment(Map.of("YQ_ACK_SECRET", "short")::get)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least 32 bytes, not 5");
        String generated = AckTokens.newSecret();
        assertThat(generated).isNotEqualTo(AckTokens.newSecret());
        assertThat(AckTokens.fromEnvironment(Map.of("YQ_ACK_SECRET", generated)::get).issue(CLAIM)).isNotEqualTo(TOKENS.issue(CLAIM));
        AckTokens fromEnv = AckTokens.fromEnvironment(Map.of("YQ_ACK_SECRET", new String(SECRET, UTF_8))::get);
        assertThat(fromEnv.check(TOKENS.issue(CLAIM), NOW).valid()).as("the same secret on every instance").isTrue();
    }

    @Test
    void aShortLinkCodeIsTwelveBase62CharactersKeyedByTheSecretAndTheSameEveryTime() {
        String code = TOKENS.shortCode("dlv-0028e58b1f2c4d5e6f708192a3b4c5d6");

        assertThat(code).matches(AckTokens.SHORT_CODE.pattern());
        assertThat(TOKENS.shortCode("dlv-0028e58b1f2c4d5e6f708192a3b4c5d6")).as("a restart recognises it").isEqualTo(code);
        assertThat(new AckTokens("another-secret-of-more-than-32-bytes-98765".getBytes(UTF_8)).shortCode("dlv-0028e58b1f2c4d5e6f708192a3b4c5d6"))
                .as("without the secret it cannot be made").isNotEqualTo(code);
        assertThat(TOKENS.shortCode("dlv-0028e58b1f2c4d5e6f708192a3b4c5d7")).isNotEqualTo(code);
    }
}
