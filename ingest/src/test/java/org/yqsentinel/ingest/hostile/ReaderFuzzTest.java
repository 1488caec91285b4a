package org.yqsentinel.ingest.hostile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.files.RawRecordFiles;
import org.yqsentinel.ingest.files.RawRecordFiles.RawLine;
import org.yqsentinel.ingest.item.ItemReader;
import org.yqsentinel.ingest.policy.PolicyReader;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;

/**
 * Many thousands of generated hostile crawler lines, valid records mixed in, through the file cutter and the
 * readers as {@code ./yq ingest --check} reads them: every record handed on gets exactly one outcome, every
 * valid line comes out as its item, no reader fails, and every reason is one short line.
 */
class ReaderFuzzTest {

    private static final Instant SEEN = Instant.parse("2026-11-21T04:00:00Z");
    private static final long SEED = 20261204L;
    private static final int LINES = 20_000;

    private final ItemReader items = new ItemReader();
    private final PolicyReader policies = new PolicyReader();

    @Test
    void everyLineIsAccountedForAndEveryValidLineIsRead() throws IOException {
        Random random = new Random(SEED);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Set<String> validIds = new HashSet<>();
        for (int i = 0; i < LINES; i++) {
            if (random.nextInt(3) == 0) {
                String mid = "v" + i;
                validIds.add("weibo:" + mid);
                file.write(valid(mid, random).getBytes(UTF_8));
            } else {
                file.write(hostile(i, random));
            }
            file.write(random.nextInt(10) == 0 ? new byte[] {'\r', '\n'} : random.nextInt(20) == 0 ? new byte[] {'\r'} : new byte[] {'\n'});
        }
        Map<RejectCode, Integer> refusals = new EnumMap<>(RejectCode.class);
        Set<String> accepted = new HashSet<>();
        List<String> badReasons = new ArrayList<>();
        int[] outcomes = new int[1];
        long handed = RawRecordFiles.read("fuzz.jsonl", new ByteArrayInputStream(file.toByteArray()), false, 1 << 20, (RawLine line) -> {
            outcomes[0]++;
            if (line.refusal() != null) {
                refusals.merge(line.refusal().code(), 1, Integer::sum);
                return;
            }
            ParseResult<Item> result = items.read(Channel.WEIBO, line.value(), SEEN);
            if (result instanceof ParseResult.Accepted<Item> ok) {
                accepted.add(ok.record().id());
            } else if (result instanceof ParseResult.Rejected<Item> no) {
                refusals.merge(no.code(), 1, Integer::sum);
                if (no.reason().length() > 301 || no.reason().chars().anyMatch(Character::isISOControl)) {
                    badReasons.add(no.reason());
                }
            }
        });
        assertThat(outcomes[0]).isEqualTo((int) handed);
        assertThat(handed).as("a line break inside a hostile value only adds records").isGreaterThanOrEqualTo(LINES);
        assertThat(accepted).containsAll(validIds);
        assertThat(refusals).as("no reader failure").doesNotContainKey(RejectCode.UNREADABLE);
        assertThat(refusals.values().stream().mapToInt(Integer::intValue).sum() + accepted.size())
                .as("one outcome per record (ids are unique, so accepted counts each once)").isLessThanOrEqualTo((int) handed);
        assertThat(badReasons).isEmpty();
        assertThat(refusals.keySet()).contains(RejectCode.NOT_JSON, RejectCode.NOT_UTF8, RejectCode.TOO_LARGE, RejectCode.BAD_TIME,
                RejectCode.BAD_VALUE);
    }

    @Test
    void policyPagesOfAnyBytesGetAnOutcome() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 3_000; i++) {
            byte[] page = i % 2 == 0 ? randomBytes(random, 1 + random.nextInt(2000)) : mutate(("索引号：000014348/2016-00629\n名称：关于印发"
                    + "广东省推进课后服务的通知\n文号：粤办函〔2016〕629号\n发布日期：2016-11-20\n正文……").getBytes(UTF_8), random);
            ParseResult<?> result = policies.read(page, SEEN);
            if (result instanceof ParseResult.Rejected<?> no) {
                assertThat(no.code()).as(no.reason()).isNotEqualTo(RejectCode.UNREADABLE);
                assertThat(no.reason().length()).isLessThanOrEqualTo(301);
            }
        }
    }

    private static String valid(String mid, Random random) {
        return "{\"mid\":\"" + mid + "\",\"created_at\":\"" + (1 + random.nextInt(50)) + "分钟前\",\"text\":\"课后服务收费" + mid
                + " [怒]\",\"reposts_count\":\"" + random.nextInt(10_000) + "\",\"user\":{\"id\":" + random.nextInt(1_000_000)
                + ",\"screen_name\":\"网友\",\"followers_count\":\"1.2万\"}}";
    }

    /** One of the ways crawlers break records, chosen at random. */
    private static byte[] hostile(int i, Random random) {
        String base = valid("h" + i, random);
        return switch (random.nextInt(16)) {
            case 0 -> base.substring(0, random.nextInt(base.length())).getBytes(UTF_8);               // truncated
            case 1 -> randomBytes(random, 1 + random.nextInt(300));                                     // random bytes
            case 2 -> withInvalidUtf8(base, random);                                                   // invalid UTF-8
            case 3 -> base.replace("课后服务收费", "长".repeat(random.nextInt(10) == 0 ? 400_000 : 3_000)).getBytes(UTF_8); // huge field
            case 4 -> ("{\"mid\":\"h" + i + "\",\"x\":" + "[".repeat(65 + random.nextInt(3000)) + "}").getBytes(UTF_8); // deep nesting
            case 5 -> base.replace("\"1.2万\"", absurdNumber(random)).getBytes(UTF_8);                 // absurd counts
            case 6 -> base.replaceFirst("\"\\d+分钟前\"", absurdTime(random)).getBytes(UTF_8);          // absurd dates
            case 7 -> base.replace("课后", "课" + (char) random.nextInt(32) + "后").getBytes(UTF_8);    // raw control character
            case 8 -> base.replace("\"课后服务收费", "\"\\u0000\\u001b\\u2028课后").getBytes(UTF_8);   // escaped control characters
            case 9 -> base.replace("\"screen_name\":\"网友\"", "\"screen_name\":" + wrongType(random)).getBytes(UTF_8);
            case 10 -> base.replace("\"text\":", "\"text\":" + wrongType(random) + ",\"_\":").getBytes(UTF_8);
            case 11 -> (base + " " + base).getBytes(UTF_8);                                             // two on a line
            case 12 -> ("{\"" + "k".repeat(257 + random.nextInt(5_000)) + "\":1}").getBytes(UTF_8);  // huge key
            case 13 -> new byte[] {0x1c, 0x1d, 0x1e, 0x1f, 0x0b, 0x0c};                                 // invisible
            case 14 -> mutate(base.getBytes(UTF_8), random);                                          // flipped bytes
            default -> ("[" + base + "]").getBytes(UTF_8);                                             // wrapped
        };
    }

    private static String absurdNumber(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "\"10000000000000000000\"";
            case 1 -> "1e308";
            case 2 -> "\"" + "9".repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 100_000 : 100)) + "\"";
            case 3 -> "\"1,2,3,,\"";
            case 4 -> "-" + random.nextInt(1000);
            default -> "9".repeat(65);
        };
    }

    private static String absurdTime(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "\"99999999999999999999分钟前\"";
            case 1 -> "\"999999999999999天前\"";
            case 2 -> "-100000000000000000";
            case 3 -> "\"0000-00-00 00:00\"";
            case 4 -> "\"" + "9".repeat(random.nextInt(30)) + "\"";
            default -> "\"9999-12-31 23:59\"";
        };
    }

    private static String wrongType(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "{}";
            case 1 -> "[1,2]";
            case 2 -> "true";
            default -> "12.5";
        };
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] withInvalidUtf8(String base, Random random) {
        byte[] bytes = base.getBytes(UTF_8);
        bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x40));
        bytes[random.nextInt(bytes.length)] = (byte) 0xFF;
        return bytes;
    }

    private static byte[] mutate(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        for (int k = 0; k < 1 + random.nextInt(5); k++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }
}
