package org.yqsentinel.rules.risk;

/**
 * The measurements a policy's risk score is made of, each normalized to [0, 1] before it is weighted.
 * The key is how {@code risk.yaml} names it; the label is what a desk reads in an alert.
 */
public enum RiskFactor {
    VOLUME("volume", "声量"),
    GROWTH("growth", "增速"),
    NEGATIVE_SHARE("negative-share", "负面占比"),
    REACH("reach", "传播范围"),
    SPREAD("spread", "扩散面"),
    INFLUENTIAL("influential", "大V与认证账号"),
    SENSITIVE("sensitive", "敏感话题"),
    PRE_ISSUANCE("pre-issuance", "出台前风险");

    private final String key;
    private final String label;

    RiskFactor(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The factor {@code risk.yaml} calls {@code key}, or null. */
    static RiskFactor byKey(String key) {
        for (RiskFactor factor : values()) {
            if (factor.key.equals(key)) {
                return factor;
            }
        }
        return null;
    }
}
