package org.yqsentinel.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            12.3万   | 123000
            12万     | 120000
            1.2亿    | 120000000
            10万+    | 100000
            100+     | 100
            1,234    | 1234
            3.5w     | 35000
            2k       | 2000
            转发     | 0
            赞       | 0
            0        | 0
            """)
    void displayedCountsAreRead(String shown, long expected) {
        assertThat(Counts.parse(shown)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"很多", "一万多", "-5", "12.3万人"})
    void textThatIsNotACountIsNull(String shown) {
        assertThat(Counts.parse(shown)).isNull();
    }
}
