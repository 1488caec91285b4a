package org.yqsentinel.rules.risk;

/**
 * The measurements a policy's risk score is made of, each normalized to [0, 1] before it is weighted.
 * They fall in two groups: how much attention the policy draws, and how much of it is concern. The key
 * is how {@code risk.yaml} names a factor; the label is what a desk reads in an alert.
 */
public enum RiskFactor {
    VOLUME("volume", "声量", Group.ATTENTION),
    GROWTH("growth", "增速", Group.ATTENTION),
    REACH("reach", "传播范围", Group.ATTENTION),
    SPREAD("spread", "扩散面", Group.ATTENTION),
    INFLUENTIAL("influential", "大V与认证账号", Group.ATTENTION),
    NEGATIVE_SHARE("negative-share", "负面占比", Group.CONCERN),
    ALARM("alarm", "愤怒与恐慌", Group.CONCERN),
    SENSITIVE("sensitive", "敏感话题", Group.CONCERN),
    PRE_ISSUANCE("pre-issuance", "出台前风险", Group.CONCERN);

    /**
     * Attention (关注度): how loud and wide the public reaction is. Concern (负面程度): how much of it is against
     * the policy, how angry or afraid, how sensitive, and how risky the policy looked before anyone reacted.
     */
    public enum Group { ATTENTION, CONCERN }

    private final String key;
    private final String label;
    private final Group group;

    RiskFactor(String key, String label, Group group) {
        this.key = key;
        this.label = label;
        this.group = group;
    }

    public Group group() {
        return group;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /**
     * What a desk reads for the factor {@code risk.yaml} calls {@code key} ({@code 负面占比} for {@code negative-share}),
     * or the key itself when no factor has it (a factor of a newer or older rule set), so a document never loses a row.
     */
    public static String labelOf(String key) {
        RiskFactor factor = byKey(key);
        return factor == null ? key : factor.label;
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
