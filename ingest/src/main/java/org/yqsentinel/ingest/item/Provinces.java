package org.yqsentinel.ingest.item;

import java.util.List;
import java.util.Optional;
import org.yqsentinel.model.region.Level;
import org.yqsentinel.model.region.Place;
import org.yqsentinel.model.region.RegionTable;

/** China's province-level divisions by the short names platforms print (发布于 广东, IP属地：内蒙古), from the region table. */
final class Provinces {

    private static final List<String> NAMES = RegionTable.bundled().places().stream()
            .filter(place -> place.level() == Level.PROVINCE)
            .map(Place::province)
            .toList();

    private Provinces() {}

    /** The province named at the start of {@code text} (after 发布于 / IP属地), if it is one. */
    static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.replace("发布于", "").replace("IP属地", "").replace(":", "").replace("：", "").strip();
        return NAMES.stream().filter(t::startsWith).findFirst();
    }
}
