package org.yqsentinel.training.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkingScoreTest {

    @Test
    void recallCountsTheLinkedPostsAboutThePolicyAndTheFalseLinkRateTheLinkedOthers() {
        Map<String, Boolean> labels = Map.of("a1", true, "a2", true, "a3", true, "a4", true, "u1", false, "u2", false);
        LinkingScore score = LinkingScore.of(labels, List.of("a1", "a2", "a4", "u2", "not-labelled"));
        assertThat(score.recall()).isEqualTo(0.75);
        assertThat(score.falseLinkRate()).isEqualTo(0.5);
        assertThat(score.missed()).containsExactly("a3");
        assertThat(score.falselyLinked()).containsExactly("u2");
        assertThat(score.summary()).isEqualTo("recall 0.750 (3 of 4 about the policy), false links 0.500 (1 of 2 others)");
    }

    @Test
    void labelsAreReadFromTabSeparatedLinesAndABadOneIsNamedByFileAndLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("labels.tsv"), "# comment\nitemId\tlabel\tgroup\nweibo:1\tabout\tfees\nweibo:2\tunrelated\tchatter\n");
        assertThat(LinkingScore.readLabels(file)).containsExactly(Map.entry("weibo:1", true), Map.entry("weibo:2", false));
        Files.writeString(file, "itemId\tlabel\tgroup\nweibo:1\tabout\tfees\nweibo:2\tmaybe\tchatter\n");
        assertThatThrownBy(() -> LinkingScore.readLabels(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ":3: expected an item id, a tab and the label about or unrelated");
    }
}
