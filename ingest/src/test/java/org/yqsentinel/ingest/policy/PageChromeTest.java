package org.yqsentinel.ingest.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageChromeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            【字体:大 中 小】                                  | ''
            字体:[ 大 / 中 / 小 ]                              | ''
            字号:[大 中 小] 打印本页 分享到                     | ''
            【打印本页】【关闭窗口】                            | ''
            [打印] [关闭]                                      | ''
            扫一扫在手机打开当前页                              | ''
            扫一扫在手机上查看当前页面                          | ''
            分享到:微信 微博 QQ空间                             | ''
            分享到                                             | ''
            当前位置:首页 > 政务公开 > 政策文件                 | ''
            首页 > 新闻中心                                    | ''
            ━━━━━━━━━━━━━━━━                                   | ''
            ================                                   | ''
            - - - - - - - -                                    | ''
            发布日期:2018-05-31 字号:[大 中 小]                 | 发布日期:2018-05-31
            来源:广东省人民政府办公厅 【字体:大 中 小】 打印本页 | 来源:广东省人民政府办公厅
            请于3月底前完成检查并分享到工作群。                  | 请于3月底前完成检查并分享到工作群。
            分享交流各地经验做法                                | 分享交流各地经验做法
            登录市政府网站首页查询办理进度。                     | 登录市政府网站首页查询办理进度。
            各单位打印后签字盖章报送。                          | 各单位打印后签字盖章报送。
            一、总体要求                                       | 一、总体要求
            """)
    void toolbarNavigationAndRulesGoWhileTheDocumentsSentencesStay(String line, String expected) {
        assertThat(PageChrome.clean(line)).isEqualTo(expected);
    }
}
