package org.yqsentinel.alerting.message;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yqsentinel.rules.RuleException;

/**
 * A message template: text with {@code {{name}}} placeholders, {@code {{#name}}…{{/name}}} sections shown when the
 * value is given (once per item for a list, whose item names are then placeholders too), {@code {{^name}}…{{/name}}}
 * shown when it is not, and {@code {{! comments }}}. A line holding nothing but a section tag or a comment is dropped
 * whole, so tags can stand on lines of their own; line breaks at the end of a message are dropped. In an
 * {@linkplain Layout#HTML HTML} template values are escaped, and every line break and the indentation after it are
 * dropped, so markup may be laid out over lines. A placeholder the template's message does not have, a section not
 * closed, or a second line in a {@linkplain Layout#LINE one-line} message is refused at load with the file, the line
 * and what to write instead.
 */
public final class Template {

    /** How a template's text becomes a message. */
    public enum Layout {
        /** Lines as written. */
        TEXT,
        /** One line (an e-mail subject, an SMS, a title): a second line with anything on it is refused. */
        LINE,
        /** Markup: values escaped; line breaks and the indentation after them dropped. */
        HTML
    }

    /**
     * The placeholders a message has: plain values, and lists with the names of their items' values.
     */
    public record Names(Set<String> values, Map<String, Set<String>> lists) {

        public Names {
            values = Set.copyOf(values);
            lists = Map.copyOf(lists);
        }
    }

    private sealed interface Node permits Text, Value, Section {}

    private record Text(String text) implements Node {}

    private record Value(String name) implements Node {}

    private record Section(String name, boolean inverted, List<Node> body) implements Node {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern STANDALONE = Pattern.compile("[ \\t]*\\{\\{\\s*[#^/!][^{}]*}}[ \\t]*");
    private static final Pattern INDENT = Pattern.compile("^[ \\t]+");

    private final Layout layout;
    private final List<Node> nodes;

    private Template(Layout layout, List<Node> nodes) {
        this.layout = layout;
        this.nodes = nodes;
    }

    /**
     * Reads a template; {@code file} names it in errors.
     *
     * @throws RuleException naming the file and line, when a placeholder is not among {@code names} or a section is
     *                       not closed
     */
    public static Template parse(String file, String text, Names names, Layout layout) {
        return new Parser(file, names, layout).parse(text);
    }

    /** The message with these values; a value that is null, false or an empty list is not given. */
    public String render(Map<String, ?> values) {
        StringBuilder out = new StringBuilder();
        Deque<Map<String, ?>> scopes = new ArrayDeque<>();
        scopes.push(values);
        render(nodes, scopes, out);
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    private void render(List<Node> body, Deque<Map<String, ?>> scopes, StringBuilder out) {
        for (Node node : body) {
            if (node instanceof Text text) {
                out.append(text.text());
            } else if (node instanceof Value value) {
                Object v = lookup(scopes, value.name());
                if (given(v)) {
                    out.append(layout == Layout.HTML ? Messages.esc(v.toString()) : v.toString());
                }
            } else if (node instanceof Section section) {
                Object v = lookup(scopes, section.name());
                if (section.inverted()) {
                    if (!given(v)) {
                        render(section.body(), scopes, out);
                    }
                } else if (v instanceof Collection<?> items) {
                    for (Object item : items) {
                        @SuppressWarnings("unchecked")
                        Map<String, ?> scope = (Map<String, ?>) item;
                        scopes.push(scope);
                        render(section.body(), scopes, out);
                        scopes.pop();
                    }
                } else if (given(v)) {
                    render(section.body(), scopes, out);
                }
            }
        }
    }

    private static Object lookup(Deque<Map<String, ?>> scopes, String name) {
        for (Map<String, ?> scope : scopes) {
            if (scope.containsKey(name)) {
                return scope.get(name);
            }
        }
        return null;
    }

    private static boolean given(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !(value instanceof Collection<?> c && c.isEmpty());
    }

    /** Reads a template line by line, so that errors can name the line. */
    private static final class Parser {

        private record Open(String name, boolean inverted, int line, List<Node> body) {}

        private final String file;
        private final Names names;
        private final Layout layout;
        private final Deque<Open> open = new ArrayDeque<>();
        private final List<Node> top = new ArrayList<>();
        private int line;
        /** In a one-line template, the line the message is on. */
        private int contentLine;

        Parser(String file, Names names, Layout layout) {
            this.file = file;
            this.names = names;
            this.layout = layout;
        }

        Template parse(String text) {
            String[] lines = text.replace("\r\n", "\n").replaceFirst("^\uFEFF", "").split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line = i + 1;
                boolean last = i == lines.length - 1;
                if (STANDALONE.matcher(lines[i]).matches()) {
                    tokens(lines[i].strip());
                } else if (layout == Layout.LINE) {
                    if (!lines[i].isBlank()) {
                        if (contentLine > 0) {
                            throw error("this message is one line, and line " + contentLine + " is it: join the two, and put tags and"
                                    + " comments that are not part of it on lines of their own");
                        }
                        contentLine = line;
                        tokens(lines[i]);
                    }
                } else if (layout == Layout.HTML) {
                    tokens(INDENT.matcher(lines[i]).replaceFirst(""));
                } else {
                    tokens(last ? lines[i] : lines[i] + "\n");
                }
            }
            if (!open.isEmpty()) {
                Open section = open.peek();
                line = section.line();
                throw error("{{" + (section.inverted() ? "^" : "#") + section.name() + "}} is never closed: end the section with {{/"
                        + section.name() + "}}");
            }
            return new Template(layout, List.copyOf(top));
        }

        private void tokens(String text) {
            int at = 0;
            while (at < text.length()) {
                int start = text.indexOf("{{", at);
                if (start < 0) {
                    add(new Text(text.substring(at)));
                    return;
                }
                if (start > at) {
                    add(new Text(text.substring(at, start)));
                }
                int end = text.indexOf("}}", start + 2);
                if (end < 0) {
                    throw error("'{{' is not closed on its line: a placeholder is written {{name}}, on one line");
                }
                tag(text.substring(start + 2, end).strip());
                at = end + 2;
            }
        }

        private void tag(String tag) {
            if (tag.startsWith("!")) {
                return;
            }
            char kind = tag.isEmpty() ? ' ' : tag.charAt(0);
            String name = kind == '#' || kind == '^' || kind == '/' ? tag.substring(1).strip() : tag;
            if (!NAME.matcher(name).matches()) {
                throw error("'{{" + tag + "}}' is not a placeholder: a name is letters and digits, such as {{title}}; this template knows "
                        + known());
            }
            switch (kind) {
                case '#', '^' -> {
                    check(name, true);
                    open.push(new Open(name, kind == '^', line, new ArrayList<>()));
                }
                case '/' -> {
                    if (open.isEmpty() || !open.peek().name().equals(name)) {
                        throw error("{{/" + name + "}} closes no section" + (open.isEmpty() ? ""
                                : ": the section open here is {{" + (open.peek().inverted() ? "^" : "#") + open.peek().name() + "}} of line "
                                + open.peek().line() + ", closed by {{/" + open.peek().name() + "}}"));
                    }
                    Open section = open.pop();
                    add(new Section(section.name(), section.inverted(), List.copyOf(section.body())));
                }
                default -> {
                    check(name, false);
                    add(new Value(name));
                }
            }
        }

        /** Refuses a name the message does not have here, or a list written as a plain value. */
        private void check(String name, boolean section) {
            boolean list = names.lists().containsKey(name);
            if (!list && !names.values().contains(name) && open.stream().noneMatch(o -> itemNames(o.name()).contains(name))) {
                throw error("unknown placeholder {{" + name + "}}; this template knows " + known());
            }
            if (list && !section) {
                throw error("{{" + name + "}} is a list: write {{#" + name + "}}…{{/" + name + "}} around what is repeated for each of its"
                        + " items, which know " + placeholders(names.lists().get(name)));
            }
        }

        private Set<String> itemNames(String list) {
            return names.lists().getOrDefault(list, Set.of());
        }

        /** The names known where the parser is: the message's, and those of the items of the lists open around it. */
        private String known() {
            Set<String> all = new TreeSet<>(names.values());
            names.lists().keySet().forEach(list -> all.add("#" + list));
            open.forEach(o -> all.addAll(itemNames(o.name())));
            return placeholders(all);
        }

        private static String placeholders(Set<String> names) {
            return String.join(" ", new TreeSet<>(names).stream().map(n -> "{{" + n + "}}").toList());
        }

        private void add(Node node) {
            (open.isEmpty() ? top : open.peek().body()).add(node);
        }

        private RuleException error(String message) {
            return new RuleException(file + ":" + line + ": " + message);
        }
    }
}
