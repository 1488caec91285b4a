package org.yqsentinel.alerting.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.Zones;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.YamlRules;
import org.yqsentinel.rules.topic.TopicRules;

/**
 * {@code routing.yaml}: the receivers (people with e-mail addresses and mobile numbers, chat robots) and the
 * route tree that decides which of them hear of an alert event, with the options of each route. Refused at
 * load with file, line and what to fix: unknown fields, receivers named but not defined, malformed
 * addresses, numbers, URLs, times and durations, regions that are no province or city of the region table.
 *
 * @param templates the folder of the user's message templates ({@code templates}), or null for the bundled ones
 */
public record RoutingRules(ZoneId timezone, Map<String, Receiver> receivers, Route root, Path templates) {

    public static final String FILE = "routing.yaml";

    /** A person of a receiver: at least one of e-mail and mobile. */
    public record Member(String name, String email, String mobile) {}

    /**
     * A group chat robot: {@code dingtalk} or {@code wecom} markdown messages.
     *
     * @param secretVariable the environment variable holding a DingTalk robot's signing secret (加签), or null
     */
    public record Webhook(Kind kind, URI url, String secretVariable) {

        public enum Kind { DINGTALK, WECOM }
    }

    /** A named receiver: the people and robots told together. */
    public record Receiver(String name, List<Member> members, List<Webhook> webhooks) {

        public Receiver {
            members = List.copyOf(members);
            webhooks = List.copyOf(webhooks);
        }
    }

    public RoutingRules {
        receivers = Collections.unmodifiableMap(new LinkedHashMap<>(receivers));
    }

    /** Routing whose messages are worded by the bundled templates. */
    public RoutingRules(ZoneId timezone, Map<String, Receiver> receivers, Route root) {
        this(timezone, receivers, root, null);
    }

    private static final Set<String> TOP_FIELDS = Set.of("timezone", "templates", "receivers", "route");
    private static final Set<String> RECEIVER_FIELDS = Set.of("members", "webhooks");
    private static final Set<String> MEMBER_FIELDS = Set.of("name", "email", "mobile");
    private static final Set<String> WEBHOOK_FIELDS = Set.of("kind", "url", "secret-env");
    private static final Set<String> ROUTE_FIELDS = Set.of("match", "receivers", "group-wait-seconds", "repeat-interval-minutes",
            "quiet-hours", "escalate-before-minutes", "escalate-to", "continue", "routes");
    private static final Set<String> MATCH_FIELDS = Set.of("tier", "topic", "region", "department", "policy");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern SECRET_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern HAN_NAME = Pattern.compile("\\p{IsHan}{2,}");
    private static final Pattern MOBILE = Pattern.compile("(\\+86)?1[3-9]\\d{9}");
    private static final Route.Options DEFAULTS = new Route.Options(Duration.ofSeconds(30), Duration.ofHours(4), null,
            Duration.ofHours(1), List.of());

    /**
     * The bundled routing, or the user's {@code routing.yaml} from the rules folder. A route matching a topic must
     * name one of {@code topics.yaml} from the same folder: a misspelt topic would otherwise never match.
     */
    public static RoutingRules load(RuleFiles files) {
        Set<String> topics = new LinkedHashSet<>();
        TopicRules.load(files).topics().forEach(topic -> topics.add(topic.name()));
        RuleFiles.Source source = files.read(FILE);
        return parse(YamlRules.parse(source), folderOf(source.name()), topics);
    }

    /** Routing from a file's text; {@code name} is used in errors. Topics are not checked. */
    public static RoutingRules parse(String name, String text) {
        return parse(YamlRules.parse(new RuleFiles.Source(name, text)), folderOf(name), null);
    }

    /** Routing from a file's text whose matched topics must be among {@code topics}; {@code name} is used in errors. */
    public static RoutingRules parse(String name, String text, Set<String> topics) {
        return parse(YamlRules.parse(new RuleFiles.Source(name, text)), folderOf(name), Set.copyOf(topics));
    }

    /** The routes that deliver an event (see {@link Route#resolve}); never empty, as the root matches everything. */
    public List<Route> routesFor(Alert alert) {
        return root.resolve(alert);
    }

    /** @param folder where the file is, which a relative {@code templates} folder is read from; null for the working directory */
    private static RoutingRules parse(YamlRules yaml, Path folder, Set<String> topics) {
        JsonNode top = yaml.root();
        if (!top.isObject()) {
            throw yaml.error("", "routing.yaml must be a map with receivers and route");
        }
        yaml.knownFields(top, "", TOP_FIELDS);
        ZoneId zone = Zones.BEIJING;
        if (top.hasNonNull("timezone")) {
            try {
                zone = ZoneId.of(top.get("timezone").asText());
            } catch (DateTimeException e) {
                throw yaml.error("/timezone", "timezone must be a region id such as Asia/Shanghai, not " + top.get("timezone"));
            }
        }
        Path templates = top.hasNonNull("templates") ? templates(yaml, top.get("templates"), folder) : null;
        Map<String, Receiver> receivers = receivers(yaml, top.get("receivers"));
        JsonNode route = top.get("route");
        if (route == null || !route.isObject()) {
            throw yaml.error(route == null ? "" : "/route", "route must be a map with at least receivers"
                    + (route == null ? ", and is missing" : ""));
        }
        if (route.has("match") || route.has("continue")) {
            throw yaml.error("/route/" + (route.has("match") ? "match" : "continue"),
                    "the top route takes every alert event: match and continue belong to the routes under it");
        }
        if (!route.hasNonNull("receivers")) {
            throw yaml.error("/route", "the top route must name its receivers, e.g. receivers: [舆情监测值班室]");
        }
        return new RoutingRules(zone, receivers, route(yaml, route, "/route", DEFAULTS, List.of(), receivers, topics), templates);
    }

    /** The folder a file's {@code templates} names, read from the file's own folder when relative; it must exist. */
    private static Path templates(YamlRules yaml, JsonNode value, Path base) {
        String written = value.isTextual() ? value.asText().strip() : "";
        Path folder;
        try {
            folder = written.isEmpty() ? null : Path.of(written);
        } catch (InvalidPathException e) {
            folder = null;
        }
        if (folder == null) {
            throw yaml.error("/templates", "templates names a folder of message templates, such as my-templates; not " + value);
        }
        Path resolved = folder.isAbsolute() || base == null ? folder : base.resolve(folder);
        if (!Files.isDirectory(resolved)) {
            throw yaml.error("/templates", "templates: no folder " + resolved + (folder.isAbsolute() ? "" : " (read from the folder of this file)")
                    + "; make it with a copy of every bundled template (alerting/src/main/resources/templates) to change,"
                    + " or remove templates to use the bundled ones");
        }
        return resolved;
    }

    /** The folder of a rule file by the name it was read under, or null when the name has none. */
    private static Path folderOf(String name) {
        try {
            return Path.of(name).getParent();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Map<String, Receiver> receivers(YamlRules yaml, JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw yaml.error(node == null ? "" : "/receivers", "receivers must be a map of receiver names to their members and"
                    + " webhooks" + (node == null ? ", and is missing" : ""));
        }
        Map<String, Receiver> receivers = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            String at = "/receivers/" + name;
            JsonNode receiver = entry.getValue();
            if (!receiver.isObject()) {
                throw yaml.error(at, "receiver " + name + " must be a map with members and/or webhooks");
            }
            yaml.knownFields(receiver, at, RECEIVER_FIELDS);
            List<Member> members = new ArrayList<>();
            for (JsonNode member : list(yaml, receiver, at, "members")) {
                String mat = at + "/members/" + members.size();
                if (!member.isObject()) {
                    throw yaml.error(mat, "a member must be a map such as {name: 王晓明, email: …, mobile: …}");
                }
                yaml.knownFields(member, mat, MEMBER_FIELDS);
                String memberName = text(member, "name");
                String email = text(member, "email");
                String written = text(member, "mobile");
                String mobile = written == null ? null : written.replace(" ", "").replace("-", "");
                if (memberName == null) {
                    throw yaml.error(mat, "a member needs a name");
                }
                if (email == null && mobile == null) {
                    throw yaml.error(mat, "member " + memberName + " needs an email or a mobile number");
                }
                if (email != null && !EMAIL.matcher(email).matches()) {
                    throw yaml.error(mat + "/email", "'" + email + "' is not an e-mail address");
                }
                if (mobile != null && !MOBILE.matcher(mobile).matches()) {
                    throw yaml.error(mat + "/mobile", "'" + written + "' is not a mainland mobile number (11 digits from 13…–19…,"
                            + " optionally +86); quote it in the file");
                }
                members.add(new Member(memberName, email, mobile));
            }
            List<Webhook> webhooks = new ArrayList<>();
            for (JsonNode webhook : list(yaml, receiver, at, "webhooks")) {
                String wat = at + "/webhooks/" + webhooks.size();
                if (!webhook.isObject()) {
                    throw yaml.error(wat, "a webhook must be a map such as {kind: dingtalk, url: https://…}");
                }
                yaml.knownFields(webhook, wat, WEBHOOK_FIELDS);
                Webhook.Kind kind = kind(yaml, webhook, wat);
                String secret = text(webhook, "secret-env");
                if (secret != null && (kind != Webhook.Kind.DINGTALK || !SECRET_VARIABLE.matcher(secret).matches())) {
                    throw yaml.error(wat + "/secret-env", kind != Webhook.Kind.DINGTALK ? "only DingTalk robots sign their messages; remove secret-env"
                            : "secret-env names the environment variable that holds the robot's secret (SEC…), such as YQ_DINGTALK_SECRET_DUTY; '"
                            + secret + "' is not a variable name");
                }
                webhooks.add(new Webhook(kind, url(yaml, webhook, wat), secret));
            }
            if (members.isEmpty() && webhooks.isEmpty()) {
                throw yaml.error(at, "receiver " + name + " has no members and no webhooks: nobody would be told");
            }
            receivers.put(name, new Receiver(name, members, webhooks));
        });
        return receivers;
    }

    private static Route route(YamlRules yaml, JsonNode node, String at, Route.Options inherited, List<String> inheritedReceivers,
                               Map<String, Receiver> known, Set<String> topics) {
        yaml.knownFields(node, at, ROUTE_FIELDS);
        Route.Match match = node.has("match") ? match(yaml, node.get("match"), at + "/match", topics) : Route.Match.ALL;
        List<String> receivers = node.has("receivers") ? names(yaml, node, at, "receivers", known) : inheritedReceivers;
        QuietHours quiet = inherited.quietHours();
        if (node.has("quiet-hours")) {
            JsonNode value = node.get("quiet-hours");
            quiet = value.isNull() || value.asText().equalsIgnoreCase("none") ? null : QuietHours.parse(value.asText()).orElseThrow(
                    () -> yaml.error(at + "/quiet-hours", "quiet-hours must be HH:MM-HH:MM such as \"22:00-07:00\" (quoted), or none;"
                            + " not " + value));
        }
        Route.Options options = new Route.Options(
                duration(yaml, node, at, "group-wait-seconds", inherited.groupWait(), Duration::ofSeconds, 0),
                duration(yaml, node, at, "repeat-interval-minutes", inherited.repeatInterval(), Duration::ofMinutes, 1),
                quiet,
                duration(yaml, node, at, "escalate-before-minutes", inherited.escalateBefore(), Duration::ofMinutes, 0),
                node.has("escalate-to") ? names(yaml, node, at, "escalate-to", known) : inherited.escalateTo());
        boolean proceed = false;
        if (node.has("continue")) {
            if (!node.get("continue").isBoolean()) {
                throw yaml.error(at + "/continue", "continue must be true or false, not " + node.get("continue"));
            }
            proceed = node.get("continue").asBoolean();
        }
        List<Route> children = new ArrayList<>();
        for (JsonNode child : list(yaml, node, at, "routes")) {
            String cat = at + "/routes/" + children.size();
            if (!child.isObject() || !child.has("match")) {
                throw yaml.error(cat, "a route under another needs a match, e.g. match: {tier: [I, II]}");
            }
            children.add(route(yaml, child, cat, options, receivers, known, topics));
        }
        return new Route(at.substring(1), match, receivers, options, proceed, children);
    }

    private static Route.Match match(YamlRules yaml, JsonNode node, String at, Set<String> knownTopics) {
        if (!node.isObject() || node.isEmpty()) {
            throw yaml.error(at, "match must be a map of tier, topic, region, department and/or policy to lists of values");
        }
        yaml.knownFields(node, at, MATCH_FIELDS);
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        for (String code : yaml.words(node, at, "tier")) {
            try {
                tiers.add(Tier.of(code));
            } catch (IllegalArgumentException e) {
                throw yaml.error(at + "/tier", e.getMessage());
            }
        }
        List<String> topics = yaml.words(node, at, "topic");
        for (int i = 0; i < topics.size(); i++) {
            if (knownTopics != null && !knownTopics.contains(topics.get(i))) {
                throw yaml.error(at + "/topic/" + i, "topic '" + topics.get(i) + "' is not in topics.yaml; use one of " + knownTopics);
            }
        }
        List<String> regions = yaml.words(node, at, "region");
        for (int i = 0; i < regions.size(); i++) {
            if (!HAN_NAME.matcher(regions.get(i)).matches()) {
                throw yaml.error(at + "/region/" + i, "region '" + regions.get(i) + "' must be a province or city in Chinese, such as 湖北,"
                        + " 湖北省, 武汉 or 武汉市");
            }
            String problem = RouteRegions.problem(regions.get(i));
            if (problem != null) {
                throw yaml.error(at + "/region/" + i, problem);
            }
        }
        return new Route.Match(tiers, new LinkedHashSet<>(topics), new LinkedHashSet<>(regions),
                new LinkedHashSet<>(yaml.words(node, at, "department")), new LinkedHashSet<>(yaml.words(node, at, "policy")));
    }

    private static List<String> names(YamlRules yaml, JsonNode node, String at, String field, Map<String, Receiver> known) {
        List<String> names = yaml.words(node, at, field);
        if (names.isEmpty() && field.equals("receivers")) {
            throw yaml.error(at + "/" + field, "receivers must name at least one receiver");
        }
        for (int i = 0; i < names.size(); i++) {
            if (!known.containsKey(names.get(i))) {
                throw yaml.error(at + "/" + field + "/" + i, "receiver '" + names.get(i) + "' is not defined under receivers;"
                        + " define it there or use one of " + known.keySet());
            }
        }
        return names;
    }

    private static Duration duration(YamlRules yaml, JsonNode node, String at, String field, Duration inherited,
                                     LongFunction<Duration> unit, long min) {
        JsonNode value = node.get(field);
        if (value == null) {
            return inherited;
        }
        if (!value.isIntegralNumber() || value.asLong() < min) {
            throw yaml.error(at + "/" + field, field + " must be a whole number of at least " + min + ", not " + value);
        }
        return unit.apply(value.asLong());
    }

    private static Webhook.Kind kind(YamlRules yaml, JsonNode webhook, String at) {
        String kind = text(webhook, "kind");
        for (Webhook.Kind k : Webhook.Kind.values()) {
            if (k.name().equalsIgnoreCase(kind)) {
                return k;
            }
        }
        throw yaml.error(at + (kind == null ? "" : "/kind"), "kind must be dingtalk or wecom" + (kind == null ? ", and is missing" : ", not " + kind));
    }

    private static URI url(YamlRules yaml, JsonNode webhook, String at) {
        String url = text(webhook, "url");
        try {
            URI uri = new URI(url == null ? "" : url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw yaml.error(at + (url == null ? "" : "/url"), "url must be an http:// or https:// address"
                + (url == null ? ", and is missing" : ", not " + url));
    }

    private static Iterable<JsonNode> list(YamlRules yaml, JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw yaml.error(at + "/" + field, field + " must be a list");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
