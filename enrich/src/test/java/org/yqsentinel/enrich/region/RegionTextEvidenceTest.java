package org.yqsentinel.enrich.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.region.RegionTable;

/**
 * The region table's rule for common words, checked against HanLP's core dictionary: a name that the dictionary
 * knows at least 5 times as something other than a place, and more often so than as a place (合作, 资源, 城区), is
 * no place evidence in a post's text. The table is generated, so a leak is mended in
 * {@code model/tools/regions/text-evidence.tsv}.
 */
class RegionTextEvidenceTest {

    private static final int MIN_OTHER_USES = 5;

    @Test
    void noNameThatHanLpKnowsMostlyAsACommonWordIsPlaceEvidence() {
        RegionTable table = RegionTable.bundled();
        List<String> common = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (String name : new TreeSet<>(table.names())) {
            CoreDictionary.Attribute attribute = CoreDictionary.get(name);
            if (attribute == null) {
                continue;
            }
            int asPlace = 0;
            int otherwise = 0;
            for (int i = 0; i < attribute.nature.length; i++) {
                if (attribute.nature[i].toString().startsWith("ns")) {
                    asPlace += attribute.frequency[i];
                } else {
                    otherwise += attribute.frequency[i];
                }
            }
            if (otherwise >= MIN_OTHER_USES && otherwise > asPlace) {
                common.add(name);
                if (table.textPlace(name).isPresent() || !table.textCandidates(name).isEmpty()) {
                    leaks.add(name + " (place " + asPlace + ", otherwise " + otherwise + ")");
                }
            }
        }
        assertThat(common).as("HanLP's dictionary answers").contains("合作", "资源", "城区", "和平", "东方").hasSizeGreaterThan(50);
        assertThat(leaks).as("common words that count as places: list them in model/tools/regions/text-evidence.tsv").isEmpty();
    }
}
