package org.yqsentinel.model.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yqsentinel.model.GeoPoint;
import org.yqsentinel.model.Region;

/**
 * Every province, city and county-level division of China with its GB/T 2260 code and a point, read from
 * {@code regions/regions.tsv} (its comment header gives the sources and the format); a broken row is refused
 * with file:line. Answers which places a name means, and which place a word of a post's text is evidence of:
 * <ul>
 * <li>one-character names never count, nor names the {@code text} column holds back (common words);</li>
 * <li>a name that places in one city share (长沙市 and 长沙县) counts for the highest of them (the city);</li>
 * <li>a name that places in different cities share counts for none of them, except a full name (朝阳区 of 北京
 *     and of 长春): that is a {@linkplain #textCandidates candidate} for each, for other evidence to choose.</li>
 * </ul>
 * Immutable; one instance is safe to share between threads.
 */
public final class RegionTable {

    public static final String FILE = "regions.tsv";
    static final String HEADER = "level\tcode\tname\tshort\tprovince\tcity\tlat\tlon\taliases\ttext";
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private static volatile RegionTable bundled;

    private final List<Place> places;
    /** Every name, short name and alias; the places under one name are ordered province, city, district, then file order. */
    private final Map<String, List<Place>> byName;
    private final Map<String, Place> byCode;
    private final Map<String, Place> provinces;
    private final Map<String, Place> cities;
    private final Map<String, Place> textPlaces;
    private final Map<String, List<Place>> textCandidates;
    /**
     * One bit per hash of every word in {@link #textPlaces} and {@link #textCandidates} (32 KB): most words of a post
     * name no place, and this says so without the cache misses of a map lookup (a post's 60 words took about 10 µs
     * of the enrichment's 150 in two lookups each; docs/performance.md).
     */
    private final long[] textWordBits = new long[(1 << TEXT_WORD_HASH_BITS) / 64];
    private static final int TEXT_WORD_HASH_BITS = 18;

    private RegionTable(Loader loader) {
        this.places = List.copyOf(loader.places);
        Map<String, List<Place>> names = new HashMap<>();
        loader.byName.forEach((name, found) -> names.put(name, List.copyOf(found)));
        this.byName = Map.copyOf(names);
        this.byCode = Map.copyOf(loader.byCode);
        this.provinces = Map.copyOf(loader.provinces);
        this.cities = Map.copyOf(loader.cities);
        Map<String, Place> text = new HashMap<>();
        Map<String, List<Place>> candidates = new HashMap<>();
        loader.claims.forEach((word, claims) -> {
            Place first = claims.get(0).place();
            if (claims.stream().allMatch(c -> c.place().sameRegion(first))) {
                text.put(word, claims.stream().map(Claim::place).min(Comparator.comparing(Place::level)).orElseThrow());
            } else if (claims.stream().allMatch(Claim::fullName)) {
                candidates.put(word, claims.stream().map(Claim::place).toList());
            }
        });
        this.textPlaces = Map.copyOf(text);
        this.textCandidates = Map.copyOf(candidates);
        text.keySet().forEach(this::markTextWord);
        candidates.keySet().forEach(this::markTextWord);
    }

    private void markTextWord(String word) {
        int bit = textWordBit(word);
        textWordBits[bit >>> 6] |= 1L << bit;
    }

    /** False when no place is named by {@code word} in a text: then neither text map need be read. */
    private boolean mayBeTextWord(String word) {
        int bit = textWordBit(word);
        return (textWordBits[bit >>> 6] & 1L << bit) != 0;
    }

    private static int textWordBit(String word) {
        return (word.hashCode() * 0x9E3779B9) >>> (32 - TEXT_WORD_HASH_BITS);
    }

    /** The table shipped on the classpath ({@code /regions/regions.tsv}), read on first use. */
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

    /** Reads a table; a broken row is refused with a {@link RegionTableException} naming {@code file:line}. */
    public static RegionTable load(Reader regions, String file) {
        Objects.requireNonNull(regions, "regions");
        Loader loader = new Loader();
        for (TsvFile.Row row : TsvFile.rows(regions, file, HEADER)) {
            loader.add(row);
        }
        return new RegionTable(loader);
    }

    /** All places in file order. */
    public List<Place> places() {
        return places;
    }

    /** Every full name, short name and alias. */
    public Set<String> names() {
        return byName.keySet();
    }

    /**
     * The place a full name, short name or alias means: of the places with that name, the one of the highest level
     * (吉林 is the province, 吉林市 the city), or the highest of several that lie in one city (喀什: the prefecture,
     * not its city 喀什市); empty when places of that level in different cities share it (南山区).
     */
    public Optional<Place> place(String name) {
        List<Place> found = places(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Place top = found.get(0);
        boolean alone = found.stream().filter(p -> p.level() == top.level()).allMatch(p -> p.sameRegion(top));
        return alone ? Optional.of(top) : Optional.empty();
    }

    /** Every place with this full name, short name or alias: provinces, then cities, then districts. */
    public List<Place> places(String name) {
        return name == null ? List.of() : byName.getOrDefault(name.strip(), List.of());
    }

    public Optional<Place> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** The province with this short name ("广东"). */
    public Optional<Place> province(String shortName) {
        return shortName == null ? Optional.empty() : Optional.ofNullable(provinces.get(shortName));
    }

    /** The city with this short name ("广州"); city short names are unique. */
    public Optional<Place> city(String shortName) {
        return shortName == null ? Optional.empty() : Optional.ofNullable(cities.get(shortName));
    }

    /** The city a place lies in: itself for a city, its city for a district, none for a province. */
    public Optional<Place> cityOf(Place place) {
        return switch (place.level()) {
            case PROVINCE -> Optional.empty();
            case CITY -> Optional.of(place);
            case DISTRICT -> city(place.city());
        };
    }

    /**
     * The region of a province or city: its short names, its code (for a city without one, such as 台北, its
     * province's) and {@code location}, or the place's own point when that is null.
     */
    public Region region(Place provinceOrCity, GeoPoint location) {
        if (provinceOrCity.level() == Level.DISTRICT) {
            throw new IllegalArgumentException("a region names a province or a city, not the district " + provinceOrCity.name());
        }
        String code = provinceOrCity.code() != null ? provinceOrCity.code()
                : province(provinceOrCity.province()).map(Place::code).orElse(null);
        return new Region(provinceOrCity.province(), provinceOrCity.city(), code,
                location != null ? location : provinceOrCity.location());
    }

    /** The place a word of a post's text is evidence of on its own: a name of one place, or of places in one city. */
    public Optional<Place> textPlace(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String name = word.strip();
        return mayBeTextWord(name) ? Optional.ofNullable(textPlaces.get(name)) : Optional.empty();
    }

    /** The places a full name that places in different cities share may mean (朝阳区: 北京's and 长春's); else empty. */
    public List<Place> textCandidates(String word) {
        if (word == null) {
            return List.of();
        }
        String name = word.strip();
        return mayBeTextWord(name) ? textCandidates.getOrDefault(name, List.of()) : List.of();
    }

    private static RegionTable fromClasspath() {
        InputStream in = RegionTable.class.getResourceAsStream("/regions/" + FILE);
        if (in == null) {
            throw new RegionTableException("/regions/" + FILE + ": not on the classpath");
        }
        try (Reader regions = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(regions, FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Claim(Place place, boolean fullName) {}

    private enum Text { ALL, NAME, NO }

    private static final class Loader {
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
}
