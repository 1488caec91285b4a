package org.yqsentinel.enrich.region;

import java.util.Objects;
import org.yqsentinel.model.GeoPoint;

/**
 * A row of the region table. {@code name} is the full name ("天河区"); {@code province} is the short name of
 * its province ("广东"), {@code city} the short name of its prefecture-level city ("广州"), null for provinces.
 */
public record Place(Level level, String name, String province, String city, GeoPoint location) {
    public Place {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(location, "location");
        if ((city == null) != (level == Level.PROVINCE)) {
            throw new IllegalArgumentException("a " + level + " " + (city == null ? "needs" : "has no") + " a city");
        }
    }
}
