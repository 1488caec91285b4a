package org.yqsentinel.alerting.routing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yqsentinel.model.region.Level;
import org.yqsentinel.model.region.Place;
import org.yqsentinel.model.region.RegionTable;

/**
 * Checks the regions a route matches against the region table, so that a misspelt or too fine place is refused at
 * load instead of never matching: an alert's region is a province and a city, so a route names one of those.
 */
final class RouteRegions {

    private static final int MAX_SUGGESTIONS = 3;

    private RouteRegions() {}

    /** What is wrong with a region as written in a route, for the operator; null when it is a province or city of the table. */
    static String problem(String written) {
        RegionTable table = RegionTable.bundled();
        Optional<Place> place = table.place(written);
        if (place.isPresent() && place.get().level() != Level.DISTRICT) {
            return null;
        }
        List<Place> places = table.places(written);
        if (places.isEmpty()) {
            List<String> near = suggestions(table, written);
            return "region '" + written + "' is not a known province, city or county"
                    + (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)")
                    + "; write a province or city such as 湖北, 湖北省, 武汉 or 武汉市";
        }
        List<String> cities = places.stream().map(p -> p.city() + " (" + p.province() + ")").distinct().toList();
        return "region '" + written + "' is a county-level division of " + String.join(" and of ", cities)
                + ", but a route matches provinces and cities: write " + (cities.size() == 1 ? places.get(0).city() : "its city");
    }

    /** Provinces and cities whose name differs from the written one in one character (苏洲: 苏州). */
    private static List<String> suggestions(RegionTable table, String written) {
        return table.names().stream()
                .filter(name -> name.length() == written.length() && differences(name, written) == 1)
                .filter(name -> table.place(name).filter(p -> p.level() != Level.DISTRICT).isPresent())
                .sorted()
                .limit(MAX_SUGGESTIONS)
                .collect(Collectors.toList());
    }

    private static int differences(String a, String b) {
        int count = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                count++;
            }
        }
        return count;
    }
}
