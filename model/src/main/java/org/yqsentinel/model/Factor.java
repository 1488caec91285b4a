package org.yqsentinel.model;

/**
 * One named contribution to a risk score: the raw measurement, its value normalized to [0, 1], the
 * weight it carries, and a sentence saying why ({@code 负面占比 62%，高于阈值 40%}).
 */
public record Factor(String name, double raw, double normalized, double weight, String explanation) {}
