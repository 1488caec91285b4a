package org.yqsentinel.model.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yqsentinel.model.GeoPoint;

/**
 * Reads the rows of a region table file into the maps a {@link RegionTable} is made of, refusing a broken row with its
 * file and line: codes, names, short names, which level may stand under which, and which words a post's text may use
 * as evidence of a place.
 */
final class RegionTableLoader {

    /** A place a word of a text may name, and whether the word is the place's full name. */
    record Claim(Place place, boolean fullName) {}

    /** Whether a place's names count as evidence in a text: all of them, only the full name, or none. */
    enum Text { ALL, NAME, NO }

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    final List<Place> places = new ArrayList<>();
    final Map<String, List<Place>> byName = new HashMap<>();
    final Map<String, Place> byCode = new HashMap<>();
    final Map<String, Integer> codeLines = new HashMap<>();
    /** First line of each name among provinces, among cities, and ("city\tname") among the districts of a city. */
    final Map<String, Integer> provinceNames = new HashMap<>();
    final Map<String, Integer> cityNames = new HashMap<>();
    final Map<String, Integer> districtNames = new HashMap<>();
    final Map<String, Place> provinces = new HashMap<>();
    final Map<String, Place> cities = new HashMap<>();
    final Map<String, List<Claim>> claims = new LinkedHashMap<>();

    void add(TsvFile.Row row) {
        Level level = level(row);
        String code = row.cell(1);
        String name = row.cell(2);
        String shortName = row.cell(3);
        if (!code.isEmpty() && !CODE.matcher(code).matches()) {
            throw row.error("bad code \"" + code + "\": a six-digit GB/T 2260 code, or \"-\" where the standard has none");
        }
        if (name.isEmpty()) {
            throw row.error("a row needs a name");
        }
        if (shortName.isEmpty() && level != Level.DISTRICT) {
            throw row.error("a " + word(level) + " needs a short name");
        }
        Place province = null;
        Place city = null;
        switch (level) {
            case PROVINCE -> {
                if (!(row.cell(4).isEmpty() && row.cell(5).isEmpty())) {
                    throw row.error("a province has no parent: leave province and city \"-\"");
                }
                if (!code.isEmpty() && !code.endsWith("0000")) {
                    throw row.error("code " + code + " is no province's: a province's code ends in 0000");
                }
            }
            case CITY -> {
                if (!row.cell(5).isEmpty()) {
                    throw row.error("a city has no parent city: leave city \"-\"");
                }
                province = parent(row, 4, Level.PROVINCE);
            }
            default -> {
                province = parent(row, 4, Level.PROVINCE);
                city = parent(row, 5, Level.CITY);
                if (!city.province().equals(province.province())) {
                    throw row.error("city \"" + row.cell(5) + "\" is not in province \"" + row.cell(4) + "\"");
                }
            }
        }
        checkCode(row, code, province, city);
        String provinceName = province == null ? shortName : province.province();
        String cityName = switch (level) {
            case PROVINCE -> null;
            case CITY -> shortName;
            case DISTRICT -> city.city();
        };
        Place place = new Place(level, code.isEmpty() ? null : code, name, provinceName, cityName, location(row));
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        if (!shortName.isEmpty()) {
            names.add(shortName);
        }
        names.addAll(row.list(8));
        unique(row, level, cityName, name, names);
        for (String each : names) {
            List<Place> found = byName.computeIfAbsent(each, n -> new ArrayList<>(1));
            found.add(place);
            found.sort(Comparator.comparing(Place::level));
        }
        Text text = text(row);
        for (String each : names) {
            boolean fullName = each.equals(name);
            if (each.codePointCount(0, each.length()) >= 2 && (text == Text.ALL || text == Text.NAME && fullName)) {
                claims.computeIfAbsent(each, w -> new ArrayList<>(1)).add(new Claim(place, fullName));
            }
        }
        places.add(place);
        if (place.code() != null) {
            byCode.put(place.code(), place);
            codeLines.put(place.code(), row.line());
        }
        if (level == Level.PROVINCE) {
            provinces.put(shortName, place);
        } else if (level == Level.CITY) {
            cities.put(shortName, place);
        }
    }

    /** A code is unique, begins with its province's two digits and, below a prefecture, with its city's four. */
    private void checkCode(TsvFile.Row row, String code, Place province, Place city) {
        if (code.isEmpty()) {
            return;
        }
        Integer first = codeLines.get(code);
        if (first != null) {
            throw row.error("code " + code + " twice (first on line " + first + ")");
        }
        if (province != null && province.code() != null && !code.startsWith(province.code().substring(0, 2))) {
            throw row.error("code " + code + " is not in province " + province.province() + " (" + province.code() + ")");
        }
        boolean municipality = city != null && city.name().equals(provinces.get(city.province()).name());
        boolean prefecture = city != null && city.code() != null && city.code().endsWith("00") && !municipality;
        if (prefecture && !code.startsWith(city.code().substring(0, 4))) {
            throw row.error("code " + code + " is not in city " + city.city() + " (" + city.code() + ")");
        }
    }

    /** Names are unique among provinces and among cities; full names among the districts of one city. */
    private void unique(TsvFile.Row row, Level level, String city, String name, Set<String> names) {
        Map<String, Integer> seen = switch (level) {
            case PROVINCE -> provinceNames;
            case CITY -> cityNames;
            case DISTRICT -> districtNames;
        };
        for (String each : level == Level.DISTRICT ? Set.of(city + "\t" + name) : names) {
            Integer first = seen.putIfAbsent(each, row.line());
            if (first != null) {
                throw row.error("duplicate name \"" + (level == Level.DISTRICT ? name : each) + "\" among the "
                        + (level == Level.DISTRICT ? "districts of " + city : word(level) + " rows")
                        + " (first on line " + first + ")");
            }
        }
    }

    private static Level level(TsvFile.Row row) {
        return switch (row.cell(0)) {
            case "province" -> Level.PROVINCE;
            case "city" -> Level.CITY;
            case "district" -> Level.DISTRICT;
            default -> throw row.error("unknown level \"" + row.cell(0) + "\" (province, city or district)");
        };
    }

    private Place parent(TsvFile.Row row, int column, Level level) {
        String reference = row.cell(column);
        if (reference.isEmpty()) {
            throw row.error("a " + word(level(row)) + " needs its " + word(level));
        }
        return byName.getOrDefault(reference, List.of()).stream()
                .filter(p -> p.level() == level)
                .findFirst()
                .orElseThrow(() -> row.error("unknown " + word(level) + " \"" + reference
                        + "\" (a parent must come before its children)"));
    }

    private static GeoPoint location(TsvFile.Row row) {
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(row.cell(6));
            lon = Double.parseDouble(row.cell(7));
        } catch (NumberFormatException e) {
            throw row.error("bad coordinates \"" + row.cell(6) + "\", \"" + row.cell(7) + "\": not numbers");
        }
        if (!inChina(lat, lon)) {
            throw row.error("bad coordinates " + lat + ", " + lon + ": outside China (lat 3–54, lon 73–136)"
                    + (inChina(lon, lat) ? "; lat and lon swapped?" : ""));
        }
        return new GeoPoint(lat, lon);
    }

    private static boolean inChina(double lat, double lon) {
        return lat >= 3 && lat <= 54 && lon >= 73 && lon <= 136;
    }

    private static Text text(TsvFile.Row row) {
        try {
            return Text.valueOf(row.cell(9).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw row.error("unknown text \"" + row.cell(9) + "\" (all, name or no)");
        }
    }

    private static String word(Level level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
