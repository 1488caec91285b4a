package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.Console;
import org.yqsentinel.app.Yq;

/** {@code yq eval linking} on the labelled posts of docs/data and the demo policy. */
class EvalLinkingCommandTest {

    private static final Path HOME = Path.of(System.getProperty("yq.home"));

    @RegisterExtension
    final Console console = Console.captured();

    @Test
    void namesTheMissedAndFalselyLinkedPostsAndEndsWithRecallAndFalseLinksOnTarget() throws Exception {
        Path data = HOME.resolve("docs").resolve("data");
        assertThat(Yq.run("eval", "linking", "--items", data.resolve("linking-cases.jsonl").toString(),
                "--labels", data.resolve("linking-cases-labels.tsv").toString(),
                "--policies", HOME.resolve("demo").resolve("sample").resolve("policy.txt").toString())).isZero();

        List<String> lines = console.out().lines().toList();
        assertThat(lines.get(0)).matches("policy 江教发〔2026〕18号: 267 labelled posts, \\d+ posts linked");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("missed weibo:lc"));
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("recall=0\\.\\d{3} false-links=0\\.\\d{3}");
        assertThat(Double.parseDouble(last.substring("recall=".length(), last.indexOf(' ')))).isGreaterThanOrEqualTo(0.8);
        assertThat(Double.parseDouble(last.substring(last.indexOf("false-links=") + "false-links=".length()))).isLessThanOrEqualTo(0.02);
    }

    @Test
    void aLabelThatCannotBeReadIsNamedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path labels = Files.writeString(dir.resolve("labels.tsv"), "itemId\tlabel\tgroup\nweibo:1\tperhaps\tfees\n");
        int exit = Yq.run("eval", "linking", "--items", HOME.resolve("docs").resolve("data").resolve("linking-cases.jsonl").toString(),
                "--labels", labels.toString(), "--policies", HOME.resolve("demo").resolve("sample").resolve("policy.txt").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains(labels + ":2: expected an item id, a tab and the label about or unrelated");
    }
}
