package org.yqsentinel.ingest.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.model.DocumentNumber;

class IssuingOfficeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            广东省人民政府办公厅          | 广东省人民政府办公厅
            广东省人民政府办公厅文件      | 广东省人民政府办公厅
            教育部                        | 教育部
            江城市住房和城乡建设局        | 江城市住房和城乡建设局
            国家发展改革委                | 国家发展改革委
            各区人民政府                  | -
            各区人民政府:                 | -
            广东省人民政府门户网站        | -
            广东省人民政府办公厅关于印发方案的通知 | -
            人力资源社会保障部 财政部     | -
            2018年5月28日                 | -
            """)
    void lineNamingOneOfficeAndNothingElseGivesTheOffice(String line, String office) {
        assertThat(IssuingOffice.ofLine(line)).isEqualTo(office);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            广东省人民政府办公厅关于印发广东省促进全域旅游发展实施方案的通知 | 广东省人民政府办公厅
            国务院关于促进全域旅游发展的指导意见                             | 国务院
            国务院办公厅转发国家发展改革委关于做好稳就业工作意见的通知         | 国务院办公厅
            江城市人民政府批转市发展改革委关于2024年国民经济计划的通知         | 江城市人民政府
            人力资源社会保障部 财政部关于做好失业保险稳岗返还工作的通知        | 人力资源社会保障部、财政部
            教育部、国家卫生健康委关于加强学生健康管理的通知                   | 教育部、国家卫生健康委
            关于做好2023—2024年度冬春农田水利基本建设工作的通知               | -
            关于转发省教育厅关于做好寒假安全工作的通知                         | -
            我市老旧小区改造今年将惠及三万户居民                               | -
            网友热议《江城市教育局关于调整课后服务收费的通知》                 | -
            """)
    void officialTitleNamesItsIssuerBeforeGuanyu(String title, String office) {
        assertThat(IssuingOffice.ofTitle(title)).isEqualTo(office);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            广东省人民政府办公厅    | 粤府办〔2018〕19号   | true
            广东省人民政府办公厅    | 粤办函〔2016〕629号  | true
            国务院办公厅            | 国办发〔2019〕5号    | true
            北京市人民政府办公厅    | 京政办发〔2020〕3号  | true
            江城市数据管理局        | 江数管规〔2024〕3号  | true
            清河县人民政府办公室    | 清府办〔2023〕45号   | true
            江城市人民政府办公室    | 粤府办〔2018〕19号   | false
            广东省文化和旅游厅      | 粤府办〔2018〕19号   | false
            广东省人民政府办公厅    | 江府办〔2024〕21号   | false
            南方日报                | 粤府办〔2018〕19号   | false
            广州市人民政府办公厅    | 穗府办〔2019〕7号    | false
            """)
    void sourceIssuedTheDocumentNumberWhenItsRegionAndCharactersAgree(String source, String number, boolean issued) {
        assertThat(IssuingOffice.issued(source, DocumentNumber.parse(number).orElseThrow())).isEqualTo(issued);
    }
}
