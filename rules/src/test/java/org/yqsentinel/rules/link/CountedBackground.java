package org.yqsentinel.rules.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A word background from a small table of counts, for tests: the counts HanLP's core dictionary gives these
 * words, and an unknown word split into the known words of at least two characters it holds, longest first.
 */
final class CountedBackground implements WordBackground {

    /** The core dictionary's counts of the words the tests use. */
    static final CountedBackground HANLP_COUNTS = new CountedBackground(Map.ofEntries(
            Map.entry("课后", 1L), Map.entry("服务", 747L), Map.entry("收费", 101L), Map.entry("标准", 220L), Map.entry("调整", 435L),
            Map.entry("通知", 116L), Map.entry("中小学", 32L), Map.entry("托管", 3L), Map.entry("基础", 556L), Map.entry("学期", 10L),
            Map.entry("每月", 41L), Map.entry("家庭", 269L), Map.entry("学生", 262L), Map.entry("免收", 1L), Map.entry("减半", 3L),
            Map.entry("收取", 26L), Map.entry("规定", 440L), Map.entry("停止", 59L), Map.entry("执行", 224L), Map.entry("自愿", 26L),
            Map.entry("特困", 80L), Map.entry("教育局", 9L), Map.entry("城中村", 0L), Map.entry("改造", 385L), Map.entry("房屋", 120L),
            Map.entry("征收", 71L), Map.entry("补偿", 13L), Map.entry("安置", 60L), Map.entry("评估", 99L), Map.entry("签约", 41L),
            Map.entry("搬迁", 21L), Map.entry("奖励", 110L), Map.entry("公告", 37L), Map.entry("停车", 19L), Map.entry("今天", 400L)));

    private final Map<String, Long> counts;

    CountedBackground(Map<String, Long> counts) {
        this.counts = Map.copyOf(counts);
    }

    @Override
    public long frequency(String word) {
        Long count = counts.get(word);
        if (count != null) {
            return count;
        }
        return parts(word).stream().mapToLong(counts::get).min().orElse(0);
    }

    @Override
    public List<String> parts(String word) {
        List<String> parts = new ArrayList<>();
        if (counts.containsKey(word)) {
            return parts;
        }
        for (int i = 0; i < word.length(); ) {
            int end = word.length();
            while (end > i + 1 && !counts.containsKey(word.substring(i, end))) {
                end--;
            }
            if (end > i + 1) {
                parts.add(word.substring(i, end));
                i = end;
            } else {
                i++;
            }
        }
        return parts;
    }
}
