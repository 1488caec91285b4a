package org.yqsentinel.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where rule files come from: a rules folder of the user's (the {@code rules.dir} option) when it
 * holds the file, else the file bundled with Sentinel under {@code rules/}. Every file read says where
 * it came from, so errors can name it.
 */
public final class RuleFiles {

    private final Path folder;

    /** @param folder the user's rules folder, or null for the bundled files only */
    public RuleFiles(Path folder) {
        this.folder = folder;
    }

    public static RuleFiles bundled() {
        return new RuleFiles(null);
    }

    /** The rules of a configured folder, or the bundled ones when it is null or blank (the configuration's {@code rules.dir}). */
    public static RuleFiles of(String folder) {
        return folder == null || folder.isBlank() ? bundled() : new RuleFiles(Path.of(folder));
    }

    /** A rule file's text and the name errors should use for it. */
    public record Source(String name, String text) {}

    /** The file at {@code relativePath} (e.g. {@code dictionaries/watch-list.txt}). */
    public Source read(String relativePath) {
        try {
            if (folder != null && Files.isRegularFile(folder.resolve(relativePath))) {
                Path file = folder.resolve(relativePath);
                return new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            try (InputStream in = RuleFiles.class.getResourceAsStream("/rules/" + relativePath)) {
                if (in == null) {
                    throw new RuleException("rules/" + relativePath + ": no such rule file"
                            + (folder == null ? "" : " in " + folder + " or among the bundled rules"));
                }
                return new Source("rules/" + relativePath, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + relativePath, e);
        }
    }
}
