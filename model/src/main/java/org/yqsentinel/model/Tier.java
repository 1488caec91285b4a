package org.yqsentinel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Warning tiers as Chinese early-warning practice names them, from least to most severe:
 * Ⅳ 蓝 (一般), Ⅲ 黄 (较大), Ⅱ 橙 (重大), Ⅰ 红 (特别重大). In JSON a tier is its code
 * ({@code IV}, {@code III}, {@code II}, {@code I}), as rule files and dashboards write it.
 */
public enum Tier {
    IV_BLUE("IV", "Ⅳ", "蓝", "blue", "一般"),
    III_YELLOW("III", "Ⅲ", "黄", "yellow", "较大"),
    II_ORANGE("II", "Ⅱ", "橙", "orange", "重大"),
    I_RED("I", "Ⅰ", "红", "red", "特别重大");

    private final String code;
    private final String numeral;
    private final String colour;
    private final String color;
    private final String severity;

    Tier(String code, String numeral, String colour, String color, String severity) {
        this.code = code;
        this.numeral = numeral;
        this.colour = colour;
        this.color = color;
        this.severity = severity;
    }

    /** {@code IV}, {@code III}, {@code II} or {@code I}: the tier in JSON, rule files and dashboards. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The warning colour in English: {@code blue}, {@code yellow}, {@code orange}, {@code red}. */
    public String color() {
        return color;
    }

    /** The tier of a code ({@code II}) or an enum name ({@code II_ORANGE}). */
    @JsonCreator
    public static Tier of(String codeOrName) {
        for (Tier tier : values()) {
            if (tier.code.equals(codeOrName) || tier.name().equals(codeOrName)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + codeOrName + "'; expected IV, III, II or I");
    }

    /** How a person reads it: {@code Ⅱ级橙色（重大）}. */
    public String label() {
        return numeral + "级" + colour + "色（" + severity + "）";
    }

    public boolean isMoreSevereThan(Tier other) {
        return other == null || ordinal() > other.ordinal();
    }
}
