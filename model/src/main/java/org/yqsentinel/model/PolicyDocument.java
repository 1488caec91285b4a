package org.yqsentinel.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A policy document as a government portal publishes it. Dates are calendar dates in Beijing time,
 * as printed on the page: 成文日期 ({@code writtenOn}) and 发布日期 ({@code publishedOn}).
 *
 * @param id             deterministic: the 文号 when there is one, else the portal's 索引号 or URL hash
 * @param documentNumber 文号 / 发文字号 as written canonically, e.g. 粤办函〔2016〕629号
 * @param documentNumberParts the 文号 read into issuer code, year and serial number, when it parses
 * @param indexNumber    索引号 of the portal
 * @param issuingOffice  发布机构
 * @param category       分类
 * @param subjectWords   主题词
 */
public record PolicyDocument(
        String id,
        String documentNumber,
        DocumentNumber documentNumberParts,
        String indexNumber,
        String title,
        String issuingOffice,
        LocalDate writtenOn,
        LocalDate publishedOn,
        String category,
        List<String> subjectWords,
        String body,
        String url) {

    public PolicyDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        subjectWords = subjectWords == null ? List.of() : List.copyOf(subjectWords);
    }
}
