package org.yqsentinel.model;

/**
 * Where a post is from or about: province and prefecture-level city (地级市) as short names, the GB/T 2260
 * code of the most precise of the two that has one (440100 for 广州, 440000 for 广东 alone), and a point when
 * known. {@code city}, {@code code} and {@code location} may be null; a region always names its province.
 */
public record Region(String province, String city, String code, GeoPoint location) {
    public Region {
        if (province == null || province.isBlank()) {
            throw new IllegalArgumentException("a region needs a province");
        }
        if (code != null && !code.matches("\\d{6}")) {
            throw new IllegalArgumentException("a region's code is a six-digit GB/T 2260 code, not " + code);
        }
    }

    /** A region as a platform states it, without a code. */
    public Region(String province, String city, GeoPoint location) {
        this(province, city, null, location);
    }
}
