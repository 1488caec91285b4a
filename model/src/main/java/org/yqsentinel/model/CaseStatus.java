package org.yqsentinel.model;

/**
 * The stages a case goes through: 收集 → 研判 → 处置 → 回应 → 评估 → 结案. The job moves a case through 收集 and
 * 研判 by its alerts, and to 评估 when its episode resolves before anyone took it up or when it has measured the
 * effect of a response; 处置 (acknowledged), 回应 (a response recorded) and 结案 are a person's steps.
 */
public enum CaseStatus {
    COLLECTING("收集"),
    ASSESSING("研判"),
    HANDLING("处置"),
    RESPONDED("回应"),
    EVALUATING("评估"),
    CLOSED("结案");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
