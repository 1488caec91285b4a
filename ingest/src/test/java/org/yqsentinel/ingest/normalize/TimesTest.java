package org.yqsentinel.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.RejectCode;

class TimesTest {

    private static final Instant CRAWLED = Instant.parse("2026-01-02T04:00:00Z"); // 12:00 Beijing, 2 January

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Sun Nov 22 16:51:00 +0800 2026 | 2026-11-22T08:51:00Z
            2026-11-22T16:51:00+08:00      | 2026-11-22T08:51:00Z
            2026-11-22T08:51:00Z           | 2026-11-22T08:51:00Z
            2018-05-31 10:20:33            | 2018-05-31T02:20:33Z
            2018-05-31 10:20               | 2018-05-31T02:20:00Z
            2018年05月31日 10:20            | 2018-05-31T02:20:00Z
            2018年5月31日                   | 2018-05-30T16:00:00Z
            2018/5/31                      | 2018-05-30T16:00:00Z
            2018.05.31 10:20:33            | 2018-05-31T02:20:33Z
            发布时间：2018-05-31 10:20      | 2018-05-31T02:20:00Z
            1527733233                     | 2018-05-31T02:20:33Z
            1527733233000                  | 2018-05-31T02:20:33Z
            刚刚                            | 2026-01-02T04:00:00Z
            30秒前                          | 2026-01-02T03:59:30Z
            5分钟前                         | 2026-01-02T03:55:00Z
            3小时前                         | 2026-01-02T01:00:00Z
            今天 10:20                      | 2026-01-02T02:20:00Z
            昨天 23:59                      | 2026-01-01T15:59:00Z
            前天 08:00                      | 2025-12-31T00:00:00Z
            01-01                          | 2025-12-31T16:00:00Z
            12-31 22:10                    | 2025-12-31T14:10:00Z
            """)
    void formatsCrawlersHandOverBecomeUtcInstants(String written, Instant expected) {
        assertThat(Times.parse(written, CRAWLED, "t")).isEqualTo(expected);
    }

    @Test
    void monthDayLaterThanTheCrawlIsLastYear() {
        assertThat(Times.parse("12-31", CRAWLED, "t")).isEqualTo(Instant.parse("2025-12-30T16:00:00Z"));
    }

    @Test
    void relativeTimeWithoutCrawlTimeSaysWhatIsMissing() {
        assertThatThrownBy(() -> Times.parse("5分钟前", null, "created_at"))
                .isInstanceOf(InvalidRecord.class)
                .hasMessage("unparseable time \"5分钟前\" in field created_at (a relative time needs the crawl time)");
    }

    @ParameterizedTest
    @CsvSource({"2018-13-45 10:00", "昨天 25:99", "五月三十一日", "Sun Foo 22 16:51:00 +0800 2026"})
    void impossibleOrUnknownTimesAreRefusedWithTheTextAndField(String written) {
        assertThatThrownBy(() -> Times.parse(written, CRAWLED, "publish_time"))
                .isInstanceOf(InvalidRecord.class)
                .hasMessageStartingWith("unparseable time \"" + written + "\" in field publish_time")
                .extracting(e -> ((InvalidRecord) e).code()).isEqualTo(RejectCode.BAD_TIME);
    }
}
