package org.yqsentinel.dashboards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.yqsentinel.model.json.Json;

/**
 * The part of Kibana's query language (KQL) the desk's panels use — {@code field:value},
 * {@code field:"a value"}, {@code field:*}, {@code not}, {@code and}, {@code or} and parentheses — read
 * into a tree and turned into the Elasticsearch query Kibana's {@code kbn-es-query} builds for it: a
 * {@code term} on a keyword field, {@code match}/{@code match_phrase} on any other, {@code exists} for
 * {@code *}, each in a one-clause {@code should}. Anything else (ranges, wildcards inside values, nested
 * fields) is refused rather than guessed.
 */
final class Kql {

    /** A query, or one of its clauses. */
    sealed interface Node permits Is, Not, And, Or {}

    /** {@code field:value}; {@code value} null for {@code field:*}. */
    record Is(String field, String value, boolean quoted) implements Node {}

    record Not(Node clause) implements Node {}

    record And(List<Node> clauses) implements Node {}

    record Or(List<Node> clauses) implements Node {}

    private final String text;
    private int at;

    private Kql(String text) {
        this.text = text;
    }

    /** The tree of a query, or null for an empty one. */
    static Node parse(String query) {
        Kql parser = new Kql(query);
        parser.skipSpace();
        if (parser.at == query.length()) {
            return null;
        }
        Node node = parser.or();
        parser.skipSpace();
        if (parser.at != query.length()) {
            throw parser.error("unexpected '" + query.substring(parser.at) + "'");
        }
        return node;
    }

    /** A value as KQL reads it literally: in double quotes, with {@code \} and {@code "} escaped. */
    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * The Elasticsearch query of a KQL tree.
     *
     * @param esType the mapping type of a field ({@code keyword}, {@code date}, …), null when the data view does not have it
     */
    static ObjectNode toQuery(Node node, Function<String, String> esType) {
        ObjectNode query = Json.mapper().createObjectNode();
        ObjectNode bool = query.putObject("bool");
        if (node instanceof Is is) {
            ObjectNode clause = bool.putArray("should").addObject();
            String type = esType.apply(is.field());
            if (is.value() == null) {
                clause.putObject("exists").put("field", is.field());
            } else if ("keyword".equals(type)) {
                clause.putObject("term").putObject(is.field()).put("value", is.value());
            } else if ("date".equals(type)) {
                throw new IllegalArgumentException("KQL on the date field " + is.field() + " is not supported here; use the time range");
            } else {
                clause.putObject(is.quoted() ? "match_phrase" : "match").put(is.field(), is.value());
            }
            bool.put("minimum_should_match", 1);
        } else if (node instanceof Not not) {
            bool.set("must_not", toQuery(not.clause(), esType));
        } else if (node instanceof And and) {
            ArrayNode filter = bool.putArray("filter");
            and.clauses().forEach(c -> filter.add(toQuery(c, esType)));
        } else {
            ArrayNode should = bool.putArray("should");
            ((Or) node).clauses().forEach(c -> should.add(toQuery(c, esType)));
            bool.put("minimum_should_match", 1);
        }
        return query;
    }

    /** The fields a query names, in order of appearance. */
    static List<String> fields(Node node) {
        List<String> fields = new ArrayList<>();
        collect(node, fields);
        return fields;
    }

    private static void collect(Node node, List<String> into) {
        if (node instanceof Is is) {
            into.add(is.field());
        } else if (node instanceof Not not) {
            collect(not.clause(), into);
        } else if (node instanceof And and) {
            and.clauses().forEach(c -> collect(c, into));
        } else if (node instanceof Or or) {
            or.clauses().forEach(c -> collect(c, into));
        }
    }

    private Node or() {
        List<Node> clauses = new ArrayList<>(List.of(and()));
        while (keyword("or")) {
            clauses.add(and());
        }
        return clauses.size() == 1 ? clauses.get(0) : new Or(List.copyOf(clauses));
    }

    private Node and() {
        List<Node> clauses = new ArrayList<>(List.of(not()));
        while (keyword("and")) {
            clauses.add(not());
        }
        return clauses.size() == 1 ? clauses.get(0) : new And(List.copyOf(clauses));
    }

    private Node not() {
        return keyword("not") ? new Not(not()) : primary();
    }

    private Node primary() {
        skipSpace();
        if (at < text.length() && text.charAt(at) == '(') {
            at++;
            Node inner = or();
            skipSpace();
            if (at >= text.length() || text.charAt(at) != ')') {
                throw error("missing ')'");
            }
            at++;
            return inner;
        }
        String field = bare();
        if (field.isEmpty() || at >= text.length() || text.charAt(at) != ':') {
            throw error("expected field:value");
        }
        at++;
        skipSpace();
        if (at < text.length() && text.charAt(at) == '"') {
            return new Is(field, quotedValue(), true);
        }
        String value = bare();
        if (value.isEmpty()) {
            throw error("missing value after " + field + ":");
        }
        if (value.equals("*")) {
            return new Is(field, null, false);
        }
        if (value.contains("*") || value.contains("<") || value.contains(">")) {
            throw error("wildcards and ranges are not supported: " + value);
        }
        return new Is(field, value, false);
    }

    private String quotedValue() {
        StringBuilder value = new StringBuilder();
        for (at++; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '\\' && at + 1 < text.length()) {
                value.append(text.charAt(++at));
            } else if (c == '"') {
                at++;
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw error("unterminated quoted value");
    }

    private String bare() {
        int start = at;
        while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && "():\"".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return text.substring(start, at);
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = at + word.length();
        if (end < text.length() && text.substring(at, end).toLowerCase(Locale.ROOT).equals(word)
                && (Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '(')) {
            at = end;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("KQL '" + text + "' at " + at + ": " + what);
    }
}
