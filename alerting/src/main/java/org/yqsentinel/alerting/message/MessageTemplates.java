package org.yqsentinel.alerting.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.yqsentinel.rules.RuleException;

/**
 * The wording of every message, one template file each: the bundled ones (under {@code templates/} in the jar), or a
 * folder of the user's named by {@code templates} in {@code routing.yaml}, which must hold all of them. Read at start;
 * what is wrong with a file is refused then, with the file, the line and what to fix. The placeholders of each are
 * listed in docs/alerting.md.
 */
public final class MessageTemplates {

    /** Where the bundled templates are, on the class path. */
    public static final String BUNDLED = "templates/";

    /** The placeholders of the e-mail and robot messages: every one of them knows all of these. */
    static final Template.Names ALERT = new Template.Names(
            Set.of("remark", "tier", "eventKind", "title", "shortName", "policyId", "score", "previousTier", "department", "respondBy",
                    "zone", "windowStart", "windowEnd", "acknowledgeLink", "kibanaLink", "colour", "reference"),
            Map.of("factors", Set.of("name", "label", "normalized", "weight", "explanation", "detail"),
                    "posts", Set.of("number", "channel", "source", "publishedAt", "interactions", "excerpt", "url"),
                    "classes", Set.of("name", "evidence", "advice")));

    /** One template file. */
    public enum Kind {
        EMAIL_SUBJECT("email-subject.txt", ALERT, Template.Layout.LINE),
        EMAIL_TEXT("email-text.txt", ALERT, Template.Layout.TEXT),
        EMAIL_HTML("email.html", ALERT, Template.Layout.HTML),
        SMS("sms.txt", new Template.Names(Set.of("event", "name", "score", "deadline", "link"), Map.of()), Template.Layout.LINE),
        SMS_EVENT("sms-event.txt", new Template.Names(Set.of("tierShort", "resolved", "remark"), Map.of()), Template.Layout.LINE),
        ROBOT_TITLE("robot-title.txt", ALERT, Template.Layout.LINE),
        ROBOT("robot.md", ALERT, Template.Layout.TEXT);

        private final String file;
        private final Template.Names names;
        private final Template.Layout layout;

        Kind(String file, Template.Names names, Template.Layout layout) {
            this.file = file;
            this.names = names;
            this.layout = layout;
        }

        public String file() {
            return file;
        }

        public Template.Names names() {
            return names;
        }
    }

    private static final class Bundled {
        static final MessageTemplates TEMPLATES = readBundled();
    }

    private final Map<Kind, Template> templates;

    private MessageTemplates(Map<Kind, Template> templates) {
        this.templates = templates;
    }

    /** The bundled templates. */
    public static MessageTemplates bundled() {
        return Bundled.TEMPLATES;
    }

    /** The templates of this folder, or the bundled ones when it is null. */
    public static MessageTemplates of(Path folder) {
        return folder == null ? bundled() : load(folder);
    }

    /**
     * The templates of a folder of the user's, which holds every one of them.
     *
     * @throws RuleException naming the file (and line) of a template that is missing or wrong, and what to fix
     */
    public static MessageTemplates load(Path folder) {
        Map<Kind, Template> templates = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            Path file = folder.resolve(kind.file);
            if (!Files.isRegularFile(file)) {
                throw new RuleException(file + ": no such template: the folder " + folder + " (templates in routing.yaml) must hold every"
                        + " message template; copy " + kind.file + " from the bundled ones (alerting/src/main/resources/" + BUNDLED
                        + ") and change it there");
            }
            try {
                templates.put(kind, Template.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), kind.names, kind.layout));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the message template " + file, e);
            }
        }
        return new MessageTemplates(templates);
    }

    Template get(Kind kind) {
        return templates.get(kind);
    }

    private static MessageTemplates readBundled() {
        Map<Kind, Template> templates = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            try (InputStream in = MessageTemplates.class.getResourceAsStream("/" + BUNDLED + kind.file)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + kind.file + " is missing from the class path: the alerting jar is incomplete");
                }
                templates.put(kind, Template.parse(BUNDLED + kind.file, new String(in.readAllBytes(), StandardCharsets.UTF_8), kind.names,
                        kind.layout));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled template " + kind.file, e);
            }
        }
        return new MessageTemplates(templates);
    }
}
