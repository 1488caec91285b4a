package org.yqsentinel.model.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

    private RegionTable(RegionTableLoader loader) {
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
                text.put(word, claims.stream().map(RegionTableLoader.Claim::place).min(Comparator.comparing(Place::level)).orElseThrow());
            } else if (claims.stream().allMatch(RegionTableLoader.Claim::fullName)) {
                candidates.put(word, claims.stream().map(RegionTableLoader.Claim::place).toList());
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
        RegionTableLoader loader = new RegionTableLoader();
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

}
