package org.yqsentinel.model.region;

import java.util.Objects;
import org.yqsentinel.model.GeoPoint;

/**
 * A row of the region table. {@code name} is the full name ("天河区"); {@code code} its GB/T 2260 code, null where
 * the standard has none (the cities of 台湾, the towns of 东莞); {@code province} is the short name of its province
 * ("广东"), {@code city} the short name of its city ("广州"), itself for a city, null for a province.
 */
public record Place(Level level, String code, String name, String province, String city, GeoPoint location) {
    public Place {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(location, "location");
        if ((city == null) != (level == Level.PROVINCE)) {
            throw new IllegalArgumentException("a " + level + " " + (city == null ? "needs" : "has no") + " a city");
        }
    }

    /** Whether this place lies in the same province and city as {@code other} (a province only in its own province). */
    public boolean sameRegion(Place other) {
        return province.equals(other.province) && Objects.equals(city, other.city);
    }

    /** "天河区 (广东 广州, 440106)", for messages. */
    public String describe() {
        return name + " (" + province + (city == null || level == Level.CITY ? "" : " " + city) + (code == null ? "" : ", " + code) + ")";
    }
}
