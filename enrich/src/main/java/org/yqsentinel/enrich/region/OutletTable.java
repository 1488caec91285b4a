package org.yqsentinel.enrich.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yqsentinel.model.region.Place;
import org.yqsentinel.model.region.RegionTable;
import org.yqsentinel.model.region.RegionTableException;
import org.yqsentinel.model.region.TsvFile;

/**
 * News outlets and official accounts with their home, the place a story they publish is taken to be from when
 * the platform states nothing: {@code regions/outlets.tsv} (its comment header describes the format), and the
 * government accounts named after a place ("深圳发布"). A home must name one place of the region table.
 * Immutable; one instance is safe to share between threads.
 */
public final class OutletTable {

    public static final String FILE = "outlets.tsv";
    static final String HEADER = "name\thome\taliases";
    private static final String ACCOUNT_SUFFIX = "发布";
    private static final String COUNTRY_PREFIX = "中国";

    private static volatile OutletTable bundled;

    private final RegionTable regions;
    private final Map<String, Place> outlets;

    private OutletTable(RegionTable regions, Map<String, Place> outlets) {
        this.regions = regions;
        this.outlets = Map.copyOf(outlets);
    }

    /** The outlets shipped on the classpath, with the bundled region table, read on first use. */
    public static OutletTable bundled() {
        OutletTable table = bundled;
        if (table == null) {
            synchronized (OutletTable.class) {
                table = bundled;
                if (table == null) {
                    table = fromClasspath();
                    bundled = table;
                }
            }
        }
        return table;
    }

    /** Reads an outlet table whose homes are places of {@code regions}; a broken row is refused naming {@code file:line}. */
    public static OutletTable load(Reader outlets, String file, RegionTable regions) {
        Objects.requireNonNull(outlets, "outlets");
        Objects.requireNonNull(regions, "regions");
        Map<String, Place> homes = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (TsvFile.Row row : TsvFile.rows(outlets, file, HEADER)) {
            String name = row.cell(0);
            if (name.isEmpty()) {
                throw row.error("an outlet needs a name");
            }
            Place home = home(row, regions);
            List<String> names = new ArrayList<>();
            names.add(name);
            names.addAll(row.list(2));
            for (String each : names) {
                Integer first = lines.putIfAbsent(each, row.line());
                if (first != null) {
                    throw row.error("duplicate outlet \"" + each + "\" (first on line " + first + ")");
                }
                homes.put(each, home);
            }
        }
        return new OutletTable(regions, homes);
    }

    /**
     * Where an outlet or official account is at home: a listed outlet's place, or for an account named
     * "[中国]&lt;place&gt;发布" (深圳发布, 中国广州发布, 天河发布, 广东发布) the place it names, when that name is place
     * evidence as in a post's text (not 东方发布: a common word; not 朝阳发布: several places). A leading "@" is ignored.
     */
    public Optional<Place> home(String source) {
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

    private Optional<Place> accountPlace(String name) {
        return regions.textPlace(name);
    }

    /** The home column: a name of one place, or a code. */
    private static Place home(TsvFile.Row row, RegionTable regions) {
        String home = row.cell(1);
        Optional<Place> place = regions.byCode(home).or(() -> regions.place(home));
        if (place.isPresent()) {
            return place.get();
        }
        List<Place> several = regions.places(home);
        if (several.isEmpty()) {
            throw row.error("unknown home \"" + home + "\" (a name or code of " + RegionTable.FILE + ")");
        }
        throw row.error("home \"" + home + "\" means several places: "
                + several.stream().map(Place::describe).collect(Collectors.joining(", ")) + "; write the code of one");
    }

    private static OutletTable fromClasspath() {
        InputStream in = OutletTable.class.getResourceAsStream("/regions/" + FILE);
        if (in == null) {
            throw new RegionTableException("/regions/" + FILE + ": not on the classpath");
        }
        try (Reader outlets = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(outlets, FILE, RegionTable.bundled());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
