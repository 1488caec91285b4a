package org.yqsentinel.model;

/** The stages a case goes through: 收集 → 研判 → 处置/回应 → 评估 → 结案. */
public enum CaseStatus {
    COLLECTING("收集"),
    ASSESSING("研判"),
    RESPONDING("处置/回应"),
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
