package org.yqsentinel.model;

/** WGS-84 coordinates, mapped to Elasticsearch {@code geo_point}. */
public record GeoPoint(double lat, double lon) {
    public GeoPoint {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("coordinates out of range: lat=" + lat + ", lon=" + lon);
        }
    }
}
