package org.yqsentinel.alerting.ack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yqsentinel.model.Digests;
import org.yqsentinel.model.config.ConfigException;

/**
 * The tokens of acknowledge links: who is asked to acknowledge which alert event of which case, until
 * when, signed with HMAC-SHA256 under a secret only the alerting service knows. A token cannot be
 * altered (any change breaks the signature) or used after it expires.
 *
 * <p>Form: {@code base64url(payload) "." base64url(hmac(payload))}, the payload
 * {@code v1\ncase\nalert event\nreceiver\nexpiry epoch seconds}.
 */
public final class AckTokens {

    /** The environment variable that holds the secret. */
    public static final String SECRET_VARIABLE = "YQ_ACK_SECRET";
    /** Shortest secret accepted, in bytes: as long as the HMAC-SHA256 output. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger SIXTY_TWO = BigInteger.valueOf(62);

    /** Characters of an SMS short link's code: 12 of base62 carry 71 bits, and leave room in a 70-character SMS. */
    public static final int SHORT_CODE_LENGTH = 12;
    /** What a short link's code looks like; anything else is not looked up. */
    public static final Pattern SHORT_CODE = Pattern.compile("[0-9A-Za-z]{" + SHORT_CODE_LENGTH + "}");

    private final byte[] secret;

    public AckTokens(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the acknowledge secret must be at least " + MIN_SECRET_BYTES + " bytes, not "
                    + secret.length + "; set " + SECRET_VARIABLE + " to a random string, e.g. from `openssl rand -base64 48`");
        }
        this.secret = secret.clone();
    }

    /** From {@value #SECRET_VARIABLE} of this environment; refused with what to do when it is missing or short. */
    public static AckTokens fromEnvironment(Function<String, String> environment) {
        String secret = environment.apply(SECRET_VARIABLE);
        if (secret == null || secret.isBlank()) {
            throw new ConfigException(SECRET_VARIABLE + " is not set: acknowledge links are signed with it; set it to a random"
                    + " string of at least " + MIN_SECRET_BYTES + " bytes, e.g. from `openssl rand -base64 48`, the same on every instance");
        }
        try {
            return new AckTokens(secret.getBytes(UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** A new random secret as text (48 random bytes, base64), as {@value #SECRET_VARIABLE} takes it. */
    public static String newSecret() {
        byte[] random = new byte[48];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    /** What a token asks: that {@code receiver} acknowledge {@code alertId} of {@code caseId} before {@code expires}. */
    public record Claim(String caseId, String alertId, String receiver, Instant expires) {

        public Claim {
            for (String part : new String[] {caseId, alertId, receiver}) {
                if (Objects.requireNonNull(part).contains("\n")) {
                    throw new IllegalArgumentException("a claim's parts cannot hold line breaks: " + part);
                }
            }
            expires = Instant.ofEpochSecond(expires.getEpochSecond());
        }
    }

    /** The outcome of checking a token; {@code claim} is set only when {@code VALID} or {@code EXPIRED}. */
    public record Check(Verdict verdict, Claim claim) {

        public boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    public enum Verdict {
        VALID("acknowledged"),
        EXPIRED("this acknowledge link has expired; acknowledge the case in Kibana or reply to the desk"),
        FORGED("this acknowledge link is not one Sentinel issued (its signature does not match); nothing was changed"),
        MALFORMED("this is not an acknowledge link (it may have been cut short when copied); nothing was changed");

        private final String meaning;

        Verdict(String meaning) {
            this.meaning = meaning;
        }

        /** What to tell the person who clicked. */
        public String meaning() {
            return meaning;
        }
    }

    public String issue(Claim claim) {
        byte[] payload = String.join("\n", VERSION, claim.caseId(), claim.alertId(), claim.receiver(),
                Long.toString(claim.expires().getEpochSecond())).getBytes(UTF_8);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(sign(payload));
    }

    public Check check(String token, Instant now) {
        if (token == null || !FORM.matcher(token).matches()) {
            return new Check(Verdict.MALFORMED, null);
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODE.decode(token.substring(0, dot));
            signature = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Check(Verdict.MALFORMED, null);
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return new Check(Verdict.FORGED, null);
        }
        String[] parts = new String(payload, UTF_8).split("\n", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            return new Check(Verdict.MALFORMED, null);
        }
        Claim claim;
        try {
            claim = new Claim(parts[1], parts[2], parts[3], Instant.ofEpochSecond(Long.parseLong(parts[4])));
        } catch (NumberFormatException e) {
            return new Check(Verdict.MALFORMED, null);
        }
        return new Check(now.isBefore(claim.expires()) ? Verdict.VALID : Verdict.EXPIRED, claim);
    }

    /**
     * The code of a delivery's SMS short link: {@value #SHORT_CODE_LENGTH} base62 characters of the HMAC of the
     * delivery id under the secret. Only the holder of the secret can make one, so codes cannot be guessed from the
     * delivery's routing or its alert event; the same delivery has the same code after a restart.
     */
    public String shortCode(String deliveryId) {
        byte[] mac = sign(("short-link\n" + deliveryId).getBytes(UTF_8));
        BigInteger value = new BigInteger(1, Arrays.copyOf(mac, 9));  // 72 bits, reduced to 62^12 (71.4 bits)
        char[] code = new char[SHORT_CODE_LENGTH];
        for (int i = code.length - 1; i >= 0; i--) {
            BigInteger[] divided = value.divideAndRemainder(SIXTY_TWO);
            code[i] = BASE62.charAt(divided[1].intValue());
            value = divided[0];
        }
        return new String(code);
    }

    private byte[] sign(byte[] payload) {
        return Digests.hmac(ALGORITHM, secret, payload);
    }
}
