package org.yqsentinel.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.rules.dictionary.Dictionaries;

class DictionariesTest {

    @TempDir
    Path folder;

    @Test
    void bundledListsLoadWithTheirKinds() {
        Dictionaries dictionaries = Dictionaries.load(RuleFiles.bundled());
        assertThat(dictionaries.of(Dictionaries.Kind.GOVERNMENT_BODY)).extracting(Dictionaries.Word::text).contains("省教育厅", "卫健委");
        assertThat(dictionaries.of(Dictionaries.Kind.POLICY_TERM)).extracting(Dictionaries.Word::text).contains("放管服", "一网通办", "政务公开");
        assertThat(dictionaries.of(Dictionaries.Kind.WATCH_WORD)).isNotEmpty();
    }

    @Test
    void aFileInTheRulesFolderReplacesTheBundledOne() throws Exception {
        Files.createDirectories(folder.resolve("dictionaries"));
        Files.writeString(folder.resolve("dictionaries/watch-list.txt"), "# ours\n江城事件\t测试用\n");
        Dictionaries dictionaries = Dictionaries.load(new RuleFiles(folder));
        assertThat(dictionaries.of(Dictionaries.Kind.WATCH_WORD)).containsExactly(
                new Dictionaries.Word("江城事件", Dictionaries.Kind.WATCH_WORD, "测试用"));
        assertThat(dictionaries.of(Dictionaries.Kind.GOVERNMENT_BODY)).as("others stay bundled").isNotEmpty();
    }

    @Test
    void duplicateOrMalformedWordsAreRefusedWithFileAndLine() throws Exception {
        Files.createDirectories(folder.resolve("dictionaries"));
        Path file = folder.resolve("dictionaries/policy-terms.txt");
        Files.writeString(file, "放管服\n\n放管服\n");
        assertThatThrownBy(() -> Dictionaries.load(new RuleFiles(folder)))
                .isInstanceOf(RuleException.class).hasMessage(file + ":3: '放管服' is listed already on line 1");
        Files.writeString(file, "放管服\n政务 公开\n");
        assertThatThrownBy(() -> Dictionaries.load(new RuleFiles(folder)))
                .hasMessageStartingWith(file + ":2: '政务 公开' is not a word");
    }
}
