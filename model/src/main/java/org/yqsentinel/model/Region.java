package org.yqsentinel.model;

/**
 * Where a post is from or about: province and prefecture-level city (地级市) as names, with a point
 * when known. {@code city} and {@code location} may be null; a region always names its province.
 */
public record Region(String province, String city, GeoPoint location) {
    public Region {
        if (province == null || province.isBlank()) {
            throw new IllegalArgumentException("a region needs a province");
        }
    }
}
