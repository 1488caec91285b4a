package org.yqsentinel.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"粤办函〔2016〕629号", "粤办函[2016]629号", "粤办函(2016)629号", "粤办函（2016）629号",
            "粤办函［2016］629号", "粤办函【2016】629号", " 粤办函 〔 2016 〕 第629号 "})
    void everyBracketVariantReadsIntoTheSameParts(String written) {
        DocumentNumber number = DocumentNumber.parse(written).orElseThrow();
        assertThat(number).isEqualTo(new DocumentNumber("粤办函", 2016, 629));
        assertThat(number.canonical()).isEqualTo("粤办函〔2016〕629号");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "无", "粤办函2016629号", "粤办函〔16〕629号", "〔2016〕629号", "粤办函〔2016〕629"})
    void textThatIsNotADocumentNumberDoesNotParse(String written) {
        assertThat(DocumentNumber.parse(written)).isEmpty();
    }
}
