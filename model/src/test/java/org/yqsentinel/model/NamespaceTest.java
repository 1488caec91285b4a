package org.yqsentinel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class NamespaceTest {

    @Test
    void defaultNamespaceGivesTheNamesOfTheDesign() {
        assertThat(Namespace.DEFAULT.rawTopic(Channel.WEIBO)).isEqualTo("yq.raw.weibo");
        assertThat(Namespace.DEFAULT.itemsIndex(YearMonth.of(2026, 3))).isEqualTo("yq-items-2026.03");
        assertThat(Namespace.DEFAULT.topics()).containsExactly("yq.raw.news", "yq.raw.weibo", "yq.raw.wechat",
                "yq.raw.policy", "yq.deadletter", "yq.alerts", "yq.control");
    }

    @Test
    void prefixIsolatesTopicsAndIndices() {
        Namespace ns = new Namespace("replay-7-");
        assertThat(ns.deadLetterTopic()).isEqualTo("replay-7-yq.deadletter");
        assertThat(ns.itemsIndex(YearMonth.of(2026, 11))).isEqualTo("replay-7-yq-items-2026.11");
    }

    @Test
    void invalidPrefixSaysWhatIsAllowed() {
        assertThatThrownBy(() -> new Namespace("Replay")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new Namespace("replay")).hasMessageContaining("ending in '-'");
    }
}
