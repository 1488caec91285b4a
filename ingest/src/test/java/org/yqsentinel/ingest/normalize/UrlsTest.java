package org.yqsentinel.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://News.Example.COM:443/a/1.html?utm_source=wx&utm_medium=social#top | https://news.example.com/a/1.html
            https://news.example.com/a?b=2&a=1&spm=x.y&from=timeline                | https://news.example.com/a?a=1&b=2
            http://example.com:8080                                                 | http://example.com:8080/
            https://mp.weixin.qq.com/s?__biz=MzA5&mid=22&idx=1&sn=ab&chksm=cd&scene=27&key=k#wechat_redirect | https://mp.weixin.qq.com/s?__biz=MzA5&idx=1&mid=22&sn=ab
            https://www.gov.example/zwgk/content/post_1.html                        | https://www.gov.example/zwgk/content/post_1.html
            not a url                                                              | not a url
            """)
    void sharesOfTheSamePageGetTheSameUrl(String url, String canonical) {
        assertThat(Urls.canonical(url)).isEqualTo(canonical);
    }
}
