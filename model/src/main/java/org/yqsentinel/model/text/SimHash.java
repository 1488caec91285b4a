package org.yqsentinel.model.text;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash of a text over character 3-grams of its letters and digits (punctuation, spaces and
 * emoticon brackets ignored), after removing the attribution lines reprints add or change (来源,
 * 原标题, 责任编辑, 转载请注明…), so a reprint lands within a few bits of its original. Texts too short
 * to tell copying from coincidence are not {@link #comparable}.
 */
public final class SimHash {

    /** Copies differ from their original in at most this many bits. */
    public static final int COPY_DISTANCE = 3;
    /** Fewer letters and digits than this and two texts may match by chance. */
    public static final int MIN_COMPARABLE_CHARS = 20;

    private static final int SHINGLE = 3;
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "[(（\\[【]?\\s*(来源|来源于|转自|转载自|原标题|责任编辑|编辑|作者|记者|通讯员|图片来源)\\s*[:：][^)）\\]】\\n]{0,40}[)）\\]】]?"
                    + "|转载请注明(出处|来源)?");
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SimHash() {}

    public static long of(String text) {
        String content = content(text);
        if (content.isEmpty()) {
            return 0L;
        }
        Map<String, Integer> shingles = new HashMap<>();
        int[] points = content.codePoints().toArray();
        if (points.length < SHINGLE) {
            shingles.put(content, 1);
        }
        for (int i = 0; i + SHINGLE <= points.length; i++) {
            shingles.merge(new String(points, i, SHINGLE), 1, Integer::sum);
        }
        int[] weights = new int[64];
        shingles.forEach((shingle, count) -> {
            long hash = fnv1a(shingle);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((hash >>> bit) & 1L) == 1L ? count : -count;
            }
        });
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** True when the text has enough letters and digits for its fingerprint to say something. */
    public static boolean comparable(String text) {
        String content = content(text);
        return content.codePointCount(0, content.length()) >= MIN_COMPARABLE_CHARS;
    }

    public static String hex(long fingerprint) {
        return HexFormat.of().toHexDigits(fingerprint);
    }

    public static long parseHex(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }

    private static String content(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        ATTRIBUTION.matcher(text).replaceAll("").codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static long fnv1a(String s) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            hash ^= c & 0xff;
            hash *= FNV_PRIME;
            hash ^= c >>> 8;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
