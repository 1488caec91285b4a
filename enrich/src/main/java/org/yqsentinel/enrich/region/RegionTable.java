package org.yqsentinel.enrich.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yqsentinel.model.GeoPoint;

/**
 * Provinces, cities and districts with coordinates, and news outlets with their home, read from
 * {@code regions/regions.tsv} and {@code regions/outlets.tsv} (their comment headers describe the format).
 * Immutable; one instance is safe to share between threads.
 */
public final class RegionTable {

    private static final String REGIONS_HEADER = "level\tname\tshort\tprovince\tcity\tlat\tlon\taliases\ttext";
    private static final String OUTLETS_HEADER = "name\thome\taliases";
    private static final String ACCOUNT_SUFFIX = "发布";
    private static final String COUNTRY_PREFIX = "中国";

    private static volatile RegionTable bundled;

    private final List<Place> places;
    /** Every name, short name and alias; the places under one name are ordered province first. */
    private final Map<String, List<Place>> byName;
    private final Map<String, Place> textNames;
    private final Map<String, Place> provinces;
    private final Map<String, Place> cities;
    private final Map<String, Place> outlets;

    private RegionTable(Loader loader) {
        this.places = List.copyOf(loader.places);
        Map<String, List<Place>> names = new HashMap<>();
        loader.byName.forEach((name, found) -> names.put(name, List.copyOf(found)));
        this.byName = Map.copyOf(names);
        Map<String, Place> text = new HashMap<>(loader.textNames);
        text.keySet().removeAll(loader.ambiguous);
        this.textNames = Map.copyOf(text);
        this.provinces = Map.copyOf(loader.provinces);
        this.cities = Map.copyOf(loader.cities);
        this.outlets = Map.copyOf(loader.outlets);
    }

    /** The tables shipped on the classpath, read on first use. */
    public static RegionTable bundled() {
        RegionTable table = bundled;
        if (table == null) {
            synchronized (RegionTable.class) {
                table = bundled;
                if (table == null) {
                    table = fromClasspath();
                    bundled = table;
                }
            }
        }
        return table;
    }

    /** Reads both tables; a broken row is refused with a {@link RegionTableException} naming {@code file:line}. */
    public static RegionTable load(Reader regions, String regionsName, Reader outlets, String outletsName) {
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(outlets, "outlets");
        Loader loader = new Loader(regionsName);
        for (Row row : rows(regions, regionsName, REGIONS_HEADER)) {
            loader.region(row);
        }
        for (Row row : rows(outlets, outletsName, OUTLETS_HEADER)) {
            loader.outlet(row);
        }
        return new RegionTable(loader);
    }

    /** All places in file order. */
    public List<Place> places() {
        return places;
    }

    /** The place with this full name, short name or alias; a province before a city before a district. */
    public Optional<Place> place(String name) {
        if (name == null) {
            return Optional.empty();
        }
        List<Place> found = byName.get(name.strip());
        return found == null ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Where an outlet or official account is at home: a listed outlet's place, or for an account named
     * "[中国]&lt;place&gt;发布" (深圳发布, 中国广州发布, 天河发布, 广东发布) the place it names. A leading "@" is ignored.
     */
    public Optional<Place> outletHome(String source) {
        if (source == null) {
            return Optional.empty();
        }
        String name = source.strip();
        if (name.startsWith("@")) {
            name = name.substring(1).strip();
        }
        Place outlet = outlets.get(name);
        if (outlet != null) {
            return Optional.of(outlet);
        }
        if (!name.endsWith(ACCOUNT_SUFFIX)) {
            return Optional.empty();
        }
        String named = name.substring(0, name.length() - ACCOUNT_SUFFIX.length());
        return accountPlace(named).or(() -> named.startsWith(COUNTRY_PREFIX)
                ? accountPlace(named.substring(COUNTRY_PREFIX.length()))
                : Optional.empty());
    }

    /** The place a word of a post's text names, if the table lets that word count as evidence of one place. */
    Optional<Place> textPlace(String word) {
        return word == null ? Optional.empty() : Optional.ofNullable(textNames.get(word.strip()));
    }

    Optional<Place> province(String shortName) {
        return Optional.ofNullable(provinces.get(shortName));
    }

    Optional<Place> city(String shortName) {
        return shortName == null ? Optional.empty() : Optional.ofNullable(cities.get(shortName));
    }

    private Optional<Place> accountPlace(String name) {
        return name.length() < 2 ? Optional.empty() : place(name);
    }

    private static RegionTable fromClasspath() {
        try (Reader regions = resource("/regions/regions.tsv")) {
            try (Reader outlets = resource("/regions/outlets.tsv")) {
                return load(regions, "regions.tsv", outlets, "outlets.tsv");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader resource(String path) {
        InputStream in = RegionTable.class.getResourceAsStream(path);
        if (in == null) {
            throw new RegionTableException(path + ": not on the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The data rows after the header; comment ({@code #}) and blank lines are skipped. */
    private static List<Row> rows(Reader reader, String file, String header) {
        int columns = header.split("\t").length;
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        int number = 0;
        try (BufferedReader in = new BufferedReader(reader)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Row row = new Row(file, number, line.split("\t", -1));
                if (!headerSeen) {
                    if (!line.strip().equals(header)) {
                        throw row.error("expected the header row " + describe(header));
                    }
                    headerSeen = true;
                } else if (row.cells.length != columns) {
                    throw row.error("expected " + columns + " tab-separated columns, found " + row.cells.length);
                } else {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new RegionTableException(file + ":" + number + ": cannot read: " + e.getMessage(), e);
        }
        if (!headerSeen) {
            throw new RegionTableException(file + ":" + (number + 1) + ": no header row " + describe(header));
        }
        return rows;
    }

    private static String describe(String header) {
        return "\"" + header.replace("\t", " ") + "\" (tab-separated)";
    }

    private record Row(String file, int line, String[] cells) {
        String cell(int index) {
            String cell = cells[index].strip();
            return cell.equals("-") ? "" : cell;
        }

        List<String> list(int index) {
            List<String> items = new ArrayList<>();
            for (String item : cell(index).split("[,，]")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return items;
        }

        RegionTableException error(String what) {
            return new RegionTableException(file + ":" + line + ": " + what);
        }
    }

    private enum Text { ALL, NAME, NO }

    private static final class Loader {
        private final String regionsName;
        private final List<Place> places = new ArrayList<>();
        private final Map<String, List<Place>> byName = new HashMap<>();
        private final Map<Level, Map<String, Integer>> firstLines = new EnumMap<>(Level.class);
        private final Map<String, Place> textNames = new HashMap<>();
        private final Set<String> ambiguous = new HashSet<>();
        private final Map<String, Place> provinces = new HashMap<>();
        private final Map<String, Place> cities = new HashMap<>();
        private final Map<String, Place> outlets = new HashMap<>();
        private final Map<String, Integer> outletLines = new HashMap<>();

        Loader(String regionsName) {
            this.regionsName = regionsName;
        }

        void region(Row row) {
            Level level = level(row);
            String name = row.cell(1);
            String shortName = row.cell(2);
            if (name.isEmpty()) {
                throw row.error("a row needs a name");
            }
            if (shortName.isEmpty() && level != Level.DISTRICT) {
                throw row.error("a " + word(level) + " needs a short name");
            }
            String province;
            String city;
            switch (level) {
                case PROVINCE -> {
                    if (!(row.cell(3).isEmpty() && row.cell(4).isEmpty())) {
                        throw row.error("a province has no parent: leave province and city \"-\"");
                    }
                    province = shortName;
                    city = null;
                }
                case CITY -> {
                    if (!row.cell(4).isEmpty()) {
                        throw row.error("a city has no parent city: leave city \"-\"");
                    }
                    province = parent(row, 3, Level.PROVINCE).province();
                    city = shortName;
                }
                default -> {
                    province = parent(row, 3, Level.PROVINCE).province();
                    Place parentCity = parent(row, 4, Level.CITY);
                    if (!parentCity.province().equals(province)) {
                        throw row.error("city \"" + row.cell(4) + "\" is not in province \"" + row.cell(3) + "\"");
                    }
                    city = parentCity.city();
                }
            }
            Place place = new Place(level, name, province, city, location(row));
            Set<String> names = new LinkedHashSet<>();
            names.add(name);
            if (!shortName.isEmpty()) {
                names.add(shortName);
            }
            names.addAll(row.list(7));
            List<String> text = textNames(row, name, names);
            Map<String, Integer> seen = firstLines.computeIfAbsent(level, l -> new HashMap<>());
            for (String each : names) {
                Integer first = seen.putIfAbsent(each, row.line());
                if (first != null) {
                    throw row.error("duplicate name \"" + each + "\" among the " + word(level)
                            + " rows (first on line " + first + ")");
                }
            }
            for (String each : names) {
                List<Place> found = byName.computeIfAbsent(each, n -> new ArrayList<>());
                found.add(place);
                found.sort(Comparator.comparing(Place::level));
            }
            for (String each : text) {
                Place earlier = textNames.putIfAbsent(each, place);
                if (earlier != null && earlier != place) {
                    ambiguous.add(each);
                }
            }
            places.add(place);
            if (level == Level.PROVINCE) {
                provinces.put(shortName, place);
            } else if (level == Level.CITY) {
                cities.put(shortName, place);
            }
        }

        void outlet(Row row) {
            String name = row.cell(0);
            String home = row.cell(1);
            if (name.isEmpty()) {
                throw row.error("an outlet needs a name");
            }
            List<Place> found = byName.get(home);
            if (found == null) {
                throw row.error("unknown home \"" + home + "\" (a name of " + regionsName + ")");
            }
            List<String> names = new ArrayList<>();
            names.add(name);
            names.addAll(row.list(2));
            for (String each : names) {
                Integer first = outletLines.putIfAbsent(each, row.line());
                if (first != null) {
                    throw row.error("duplicate outlet \"" + each + "\" (first on line " + first + ")");
                }
                outlets.put(each, found.get(0));
            }
        }

        private static Level level(Row row) {
            return switch (row.cell(0)) {
                case "province" -> Level.PROVINCE;
                case "city" -> Level.CITY;
                case "district" -> Level.DISTRICT;
                default -> throw row.error("unknown level \"" + row.cell(0) + "\" (province, city or district)");
            };
        }

        private Place parent(Row row, int column, Level level) {
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

        private static GeoPoint location(Row row) {
            double lat;
            double lon;
            try {
                lat = Double.parseDouble(row.cell(5));
                lon = Double.parseDouble(row.cell(6));
            } catch (NumberFormatException e) {
                throw row.error("bad coordinates \"" + row.cell(5) + "\", \"" + row.cell(6) + "\": not numbers");
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

        private static List<String> textNames(Row row, String name, Set<String> names) {
            Text text;
            try {
                text = Text.valueOf(row.cell(8).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("unknown text \"" + row.cell(8) + "\" (all, name or no)");
            }
            return switch (text) {
                case ALL -> names.stream().filter(n -> n.length() >= 2).toList();
                case NAME -> List.of(name);
                case NO -> List.of();
            };
        }

        private static String word(Level level) {
            return level.name().toLowerCase(Locale.ROOT);
        }
    }
}
