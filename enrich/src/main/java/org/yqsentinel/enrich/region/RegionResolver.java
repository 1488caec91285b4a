package org.yqsentinel.enrich.region;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yqsentinel.model.GeoPoint;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.region.Level;
import org.yqsentinel.model.region.Place;
import org.yqsentinel.model.region.RegionTable;

/**
 * Places a post in a province and city from its evidence, explicit before inferred:
 * <ol>
 * <li>A declared region (what the platform states) fixes the province. Its city is kept if the table puts it
 * in that province (or does not know it); otherwise the city may come from the outlet's home, then from the
 * text, but only from inside that province. A declared province the table does not know is returned as
 * declared. The location is the declared one, else the city's, else the province's.</li>
 * <li>Otherwise the outlet's home (a listed outlet, or a "&lt;place&gt;发布" account) gives the city; an outlet
 * at home in a whole province gives that province, and the text may name the city inside it.</li>
 * <li>Otherwise the text: a district counts for its city, a city for itself; the most-mentioned city wins,
 * ties to the first mentioned. Without any city, the most-mentioned province (ties: first). Words the table
 * does not let count as evidence (unknown, one character, common words such as 城区 or 白云, short names that
 * places in different cities share such as 南山) are ignored. A full name that places in different cities
 * share (朝阳区) counts only where the rest of the evidence — declared region, outlet, the other places
 * named — points to the province or city of exactly one of them.</li>
 * <li>No evidence: empty.</li>
 * </ol>
 * The region carries the GB/T 2260 code of its city, or of its province. Stateless besides the immutable
 * tables, so one instance is safe to share between threads.
 */
public final class RegionResolver {

    private final RegionTable table;
    private final OutletTable outlets;

    public RegionResolver(RegionTable table, OutletTable outlets) {
        this.table = Objects.requireNonNull(table, "table");
        this.outlets = Objects.requireNonNull(outlets, "outlets");
    }

    /** With the bundled region and outlet tables. */
    public static RegionResolver bundled() {
        return new RegionResolver(RegionTable.bundled(), OutletTable.bundled());
    }

    /**
     * @param declared  what the platform states (Weibo "发布于 广东" already read as Region("广东", null, null)), may be null
     * @param source    the news site or account name, may be null
     * @param placeWords place names found in the text (e.g. tokens HanLP tagged ns, or any tokens — unknown words are ignored), in text order
     */
    public Optional<Region> resolve(Region declared, String source, List<String> placeWords) {
        Optional<Place> outlet = outlets.home(source);
        Optional<Place> province = declared == null ? Optional.empty()
                : table.place(declared.province()).filter(p -> p.level() == Level.PROVINCE);
        List<Place> context = new ArrayList<>();
        province.ifPresent(context::add);
        outlet.ifPresent(context::add);
        Mentions mentions = new Mentions(placeWords, context);
        if (declared != null) {
            return Optional.of(province.map(p -> fromDeclared(declared, p, outlet, mentions)).orElse(declared));
        }
        if (outlet.isPresent()) {
            return Optional.of(fromOutlet(outlet.get(), mentions));
        }
        return mentions.topCity(null)
                .or(mentions::topProvince)
                .map(place -> table.region(place, null));
    }

    /**
     * The provinces and cities that these words name themselves, each once, in the order first named; without codes
     * or locations. Only names the table lets count in a post's text ({@link RegionTable#textPlace}), and only of a
     * province or a city: the names of districts and counties are often everyday words too (惠民, 永和), and a post
     * that speaks of another place names its city.
     */
    public List<Region> placesNamed(List<String> words) {
        Set<Region> named = new LinkedHashSet<>();
        for (String word : words) {
            table.textPlace(word).filter(place -> place.level() != Level.DISTRICT)
                    .ifPresent(place -> named.add(new Region(place.province(), place.city(), null)));
        }
        return List.copyOf(named);
    }

    private Region fromDeclared(Region declared, Place province, Optional<Place> outlet, Mentions mentions) {
        String name = province.province();
        if (declared.city() != null) {
            List<Place> named = table.places(declared.city()).stream().filter(p -> p.level() != Level.PROVINCE).toList();
            Optional<Place> city = named.stream().filter(p -> p.province().equals(name)).findFirst().flatMap(table::cityOf);
            if (city.isPresent()) {
                return table.region(city.get(), declared.location());
            }
            if (named.isEmpty()) {
                GeoPoint location = declared.location() != null ? declared.location() : province.location();
                return new Region(name, declared.city(), province.code(), location);
            }
        }
        Place place = outlet.flatMap(table::cityOf)
                .filter(city -> city.province().equals(name))
                .or(() -> mentions.topCity(name))
                .orElse(province);
        return table.region(place, declared.location());
    }

    private Region fromOutlet(Place home, Mentions mentions) {
        if (home.level() == Level.PROVINCE) {
            return table.region(mentions.topCity(home.province()).orElse(home), null);
        }
        return table.region(table.cityOf(home).orElse(home), null);
    }

    /** How often, and from which word on, the text names each city and province. */
    private final class Mentions {
        private final Map<String, Integer> cities = new LinkedHashMap<>();
        private final Map<String, Integer> provinces = new LinkedHashMap<>();

        /** @param context places the other evidence gives (declared province, outlet's home), for shared full names */
        Mentions(List<String> words, List<Place> context) {
            if (words == null) {
                return;
            }
            List<Place> found = new ArrayList<>(words.size());
            Set<String> contextProvinces = new HashSet<>();
            Set<String> contextCities = new HashSet<>();
            for (Place place : context) {
                contextProvinces.add(place.province());
                table.cityOf(place).ifPresent(city -> contextCities.add(city.city()));
            }
            for (String word : words) {
                Place place = table.textPlace(word).orElse(null);
                found.add(place);
                if (place != null) {
                    contextProvinces.add(place.province());
                    table.cityOf(place).ifPresent(city -> contextCities.add(city.city()));
                }
            }
            for (int i = 0; i < words.size(); i++) {
                Place place = found.get(i) != null ? found.get(i)
                        : chosen(table.textCandidates(words.get(i)), contextProvinces, contextCities);
                if (place != null) {
                    Map<String, Integer> counts = place.level() == Level.PROVINCE ? provinces : cities;
                    counts.merge(place.level() == Level.PROVINCE ? place.province() : place.city(), 1, Integer::sum);
                }
            }
        }

        /** The one candidate in a city of the context, else the one in a province of the context; null if not one. */
        private static Place chosen(List<Place> candidates, Set<String> provinces, Set<String> cities) {
            if (candidates.isEmpty()) {
                return null;
            }
            List<Place> inCity = candidates.stream().filter(p -> cities.contains(p.city())).toList();
            List<Place> inProvince = candidates.stream().filter(p -> provinces.contains(p.province())).toList();
            return inCity.size() == 1 ? inCity.get(0) : inCity.isEmpty() && inProvince.size() == 1 ? inProvince.get(0) : null;
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
