package org.yqsentinel.enrich.region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.yqsentinel.model.GeoPoint;
import org.yqsentinel.model.Region;

/**
 * Places a post in a province and prefecture-level city from its evidence, explicit before inferred:
 * <ol>
 * <li>A declared region (what the platform states) fixes the province. Its city is kept if the table puts it
 * in that province (or does not know it); otherwise the city may come from the outlet's home, then from the
 * text, but only from inside that province. A declared province the table does not know is returned as
 * declared. The location is the declared one, else the city's, else the province's.</li>
 * <li>Otherwise the outlet's home (a listed outlet, or a "&lt;place&gt;发布" account) gives the city; an outlet
 * at home in a whole province gives that province, and the text may name the city inside it.</li>
 * <li>Otherwise the text: a district counts for its city, a city for itself; the most-mentioned city wins,
 * ties to the first mentioned. Without any city, the most-mentioned province (ties: first). Words the table
 * does not let count as evidence (unknown, ambiguous, or common words such as 城区, 南海, 白云) are ignored.</li>
 * <li>No evidence: empty.</li>
 * </ol>
 * Stateless besides the immutable table, so one instance is safe to share between threads.
 */
public final class RegionResolver {

    private final RegionTable table;

    public RegionResolver(RegionTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * @param declared  what the platform states (Weibo "发布于 广东" already read as Region("广东", null, null)), may be null
     * @param source    the news site or account name, may be null
     * @param placeWords place names found in the text (e.g. tokens HanLP tagged ns, or any tokens — unknown words are ignored), in text order
     */
    public Optional<Region> resolve(Region declared, String source, List<String> placeWords) {
        Mentions mentions = new Mentions(placeWords);
        Optional<Place> outlet = table.outletHome(source);
        if (declared != null) {
            return Optional.of(fromDeclared(declared, outlet, mentions));
        }
        if (outlet.isPresent()) {
            return Optional.of(fromOutlet(outlet.get(), mentions));
        }
        return mentions.topCity(null)
                .map(city -> region(city, null))
                .or(() -> mentions.topProvince().map(province -> region(province, null)));
    }

    private Region fromDeclared(Region declared, Optional<Place> outlet, Mentions mentions) {
        Optional<Place> province = table.place(declared.province()).filter(p -> p.level() == Level.PROVINCE);
        if (province.isEmpty()) {
            return declared;
        }
        String name = province.get().province();
        if (declared.city() != null) {
            Optional<Place> city = table.place(declared.city()).flatMap(this::cityOf);
            if (city.isEmpty()) {
                GeoPoint location = declared.location() != null ? declared.location() : province.get().location();
                return new Region(name, declared.city(), location);
            }
            if (city.get().province().equals(name)) {
                return region(city.get(), declared.location());
            }
        }
        Place place = outlet.flatMap(this::cityOf)
                .filter(city -> city.province().equals(name))
                .or(() -> mentions.topCity(name))
                .orElse(province.get());
        return region(place, declared.location());
    }

    private Region fromOutlet(Place home, Mentions mentions) {
        if (home.level() == Level.PROVINCE) {
            return region(mentions.topCity(home.province()).orElse(home), null);
        }
        return region(cityOf(home).orElse(home), null);
    }

    /** The region of a province or city place; {@code location} wins over the place's own when given. */
    private static Region region(Place place, GeoPoint location) {
        return new Region(place.province(), place.city(), location != null ? location : place.location());
    }

    private Optional<Place> cityOf(Place place) {
        return switch (place.level()) {
            case PROVINCE -> Optional.empty();
            case CITY -> Optional.of(place);
            case DISTRICT -> table.city(place.city());
        };
    }

    /** How often, and from which word on, the text names each city and province. */
    private final class Mentions {
        private final Map<String, Integer> cities = new LinkedHashMap<>();
        private final Map<String, Integer> provinces = new LinkedHashMap<>();

        Mentions(List<String> words) {
            if (words == null) {
                return;
            }
            for (String word : words) {
                table.textPlace(word).ifPresent(place -> {
                    Map<String, Integer> counts = place.level() == Level.PROVINCE ? provinces : cities;
                    counts.merge(place.level() == Level.PROVINCE ? place.province() : place.city(), 1, Integer::sum);
                });
            }
        }

        /** The most-mentioned city, of the given province if not null; ties go to the first mentioned. */
        Optional<Place> topCity(String province) {
            return top(cities, table::city, province);
        }

        Optional<Place> topProvince() {
            return top(provinces, table::province, null);
        }

        private Optional<Place> top(Map<String, Integer> counts, Function<String, Optional<Place>> lookup, String province) {
            Place best = null;
            int bestCount = 0;
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                Optional<Place> place = lookup.apply(entry.getKey());
                if (place.isPresent() && entry.getValue() > bestCount
                        && (province == null || place.get().province().equals(province))) {
                    best = place.get();
                    bestCount = entry.getValue();
                }
            }
            return Optional.ofNullable(best);
        }
    }
}
