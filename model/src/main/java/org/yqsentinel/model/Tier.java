package org.yqsentinel.model;

/**
 * Warning tiers as Chinese early-warning practice names them, from least to most severe:
 * Ⅳ 蓝 (一般), Ⅲ 黄 (较大), Ⅱ 橙 (重大), Ⅰ 红 (特别重大).
 */
public enum Tier {
    IV_BLUE("Ⅳ", "蓝", "一般"),
    III_YELLOW("Ⅲ", "黄", "较大"),
    II_ORANGE("Ⅱ", "橙", "重大"),
    I_RED("Ⅰ", "红", "特别重大");

    private final String numeral;
    private final String colour;
    private final String severity;

    Tier(String numeral, String colour, String severity) {
        this.numeral = numeral;
        this.colour = colour;
        this.severity = severity;
    }

    /** How a person reads it: {@code Ⅱ级橙色（重大）}. */
    public String label() {
        return numeral + "级" + colour + "色（" + severity + "）";
    }

    public boolean isMoreSevereThan(Tier other) {
        return other == null || ordinal() > other.ordinal();
    }
}
