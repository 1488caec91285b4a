package org.yqsentinel.rules.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yqsentinel.model.Region;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.WatchedPolicy;
import org.yqsentinel.rules.topic.TopicRules;
import org.yqsentinel.rules.topic.WordTrie;

/**
 * What a policy is about, to find the posts that discuss it in their own words. Its <b>core words</b> name the
 * subject: the distinctive words of its title and their distinctive parts (课后服务, 课后), and the distinctive
 * words of its body that a word of its topic ties to them (托管 and 延时, by 课后托管 and 课后延时). Its
 * <b>subject words</b>, its other distinctive words, tell what it does (收费标准, 减半, 低保, 学期); the rules'
 * <b>reaction words</b> are how people answer any policy (涨价, 贵, 费). A word is distinctive when it is rare in
 * the fixed {@link WordBackground}. Built from the policy, the rules and the background only, so every subtask
 * and every replay finds the same subject. Immutable and thread-safe.
 */
public final class PolicySubject {

    /** What a word of the subject is, strongest first: a post's word takes the strongest role it has. */
    enum Role { CORE, TIED_CORE, SUBJECT, REACTION }

    /** The leading place of an issuing office or title: 江城市 of 江城市教育局, 广东省 of 广东省教育厅. */
    private static final Pattern LEADING_PLACE = Pattern.compile("^(\\p{IsHan}{2,8}?)[省市县区]");

    private final String policyId;
    private final Map<String, Role> roles;
    private final WordTrie words;
    private final WordTrie context;
    private final Set<String> placeNames;
    private final Region region;

    private PolicySubject(String policyId, Map<String, Role> roles, Collection<String> context, Set<String> placeNames,
                          Region region) {
        this.policyId = policyId;
        this.roles = Map.copyOf(roles);
        this.words = new WordTrie(roles.keySet());
        this.context = new WordTrie(context);
        this.placeNames = Set.copyOf(placeNames);
        this.region = region;
    }

    /**
     * The subject of a watched policy.
     *
     * @param topic the policy's livelihood topic in the topic rules, or null when it has none: then a word of its
     *              body never names the subject, and no post is confirmed by the topic's words
     */
    public static PolicySubject of(WatchedPolicy policy, TopicRules.Topic topic, WordBackground background, RiskRules.Linking rules) {
        String office = PolicyLinker.normalize(Objects.requireNonNullElse(policy.document().issuingOffice(), ""));
        String title = PolicyLinker.normalize(policy.document().title());
        Set<String> places = placeNames(office.isEmpty() ? title : office);
        Set<String> candidates = new LinkedHashSet<>();
        Set<String> inTitle = new LinkedHashSet<>();
        for (String token : policy.tokens()) {
            String word = PolicyLinker.normalize(token);
            List<String> withParts = new ArrayList<>();
            withParts.add(word);
            background.parts(word).forEach(part -> withParts.add(PolicyLinker.normalize(part)));
            for (String w : withParts) {
                if (isCandidate(w, office, places)) {
                    candidates.add(w);
                    if (title.contains(word)) {
                        inTitle.add(w);
                    }
                }
            }
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String word : inTitle) {
            if (background.frequency(word) <= rules.coreWordFrequency()) {
                roles.put(word, Role.CORE);
            }
        }
        List<String> strong = topic == null ? List.of() : topic.strong();
        for (String word : candidates) {
            if (!roles.containsKey(word) && background.frequency(word) <= rules.coreWordFrequency() && tied(word, roles.keySet(), strong)) {
                roles.put(word, Role.TIED_CORE);
            }
        }
        for (String word : candidates) {
            if (background.frequency(word) <= rules.subjectWordFrequency()) {
                roles.putIfAbsent(word, Role.SUBJECT);
            }
        }
        for (String word : rules.reactionWords()) {
            roles.putIfAbsent(PolicyLinker.normalize(word), Role.REACTION);
        }
        roles.remove("");
        List<String> context = new ArrayList<>();
        if (topic != null) {
            topic.strong().forEach(w -> context.add(PolicyLinker.normalize(w)));
            topic.weak().forEach(w -> context.add(PolicyLinker.normalize(w)));
        }
        context.removeIf(String::isEmpty);
        return new PolicySubject(policy.id(), roles, context, places, policy.region());
    }

    /** A word of at least two characters, without digits (dates and amounts are not a subject), not the office or its place. */
    private static boolean isCandidate(String word, String office, Set<String> places) {
        if (word.codePointCount(0, word.length()) < 2 || office.contains(word) || places.contains(word)) {
            return false;
        }
        return word.chars().noneMatch(Character::isDigit);
    }

    /** Whether a word of the topic holds this word beside a core word (课后托管 holds 托管 beside 课后). */
    private static boolean tied(String word, Set<String> core, List<String> strong) {
        for (String topicWord : strong) {
            if (!topicWord.contains(word)) {
                continue;
            }
            for (String c : core) {
                if (!c.contains(word) && !word.contains(c) && topicWord.contains(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The place an issuing office (or a title) begins with, with and without its 省/市/县/区: 江城市 and 江城. */
    static Set<String> placeNames(String officeOrTitle) {
        Matcher m = LEADING_PLACE.matcher(officeOrTitle);
        return m.find() ? Set.of(m.group(0), m.group(1)) : Set.of();
    }

    public String policyId() {
        return policyId;
    }

    /** The words of the subject with their roles, for reading and for tests. */
    Map<String, Role> roles() {
        return roles;
    }

    /**
     * The words by which a post is about the policy, in text order, or an empty list when it is not: it must hold
     * a core word and another word of the subject; a core word of the body only counts when a second core word,
     * or a word of the policy's topic outside it, confirms it (托管 is also 服务器托管); and when the post names
     * places, one of them must be the policy's.
     *
     * @param content the post's title and text, {@link PolicyLinker#normalize normalized}
     * @param places  the provinces and cities the post names (by the region table), in any order
     */
    List<String> evidence(String content, List<Region> places) {
        List<String> found = new ArrayList<>();
        boolean[] tiedSpan = new boolean[content.length()];
        int core = 0;
        int tied = 0;
        int[] matches = new int[Math.max(1, words.longest())];
        for (int i = 0; i < content.length(); ) {
            int count = words.matchesAt(content, i, matches);
            if (count == 0) {
                i++;
                continue;
            }
            String word = words.words().get(matches[count - 1]);  // the longest
            Role role = roles.get(word);
            if (!found.contains(word)) {
                found.add(word);
                core += role == Role.CORE ? 1 : 0;
                tied += role == Role.TIED_CORE ? 1 : 0;
            }
            if (role == Role.TIED_CORE) {
                for (int j = i; j < i + word.length(); j++) {
                    tiedSpan[j] = true;
                }
            }
            i += word.length();
        }
        boolean confirmed = core > 0 || tied > 1 || tied == 1 && contextOutside(content, tiedSpan);
        if (core + tied == 0 || found.size() < 2 || !confirmed || !placesAgree(content, places)) {
            return List.of();
        }
        return List.copyOf(found);
    }

    /** Whether a word of the policy's topic occurs somewhere it does not overlap a core word of the body. */
    private boolean contextOutside(String content, boolean[] tiedSpan) {
        int[] matches = new int[Math.max(1, context.longest())];
        for (int i = 0; i < content.length(); i++) {
            int count = context.matchesAt(content, i, matches);
            for (int m = 0; m < count; m++) {
                int end = i + context.words().get(matches[m]).length();
                boolean free = true;
                for (int j = i; j < end && free; j++) {
                    free = !tiedSpan[j];
                }
                if (free) {
                    return true;
                }
            }
        }
        return false;
    }

    /** No places named, the policy's own place named, or a named place inside the policy's region. */
    private boolean placesAgree(String content, List<Region> places) {
        if (places.isEmpty() || placeNames.stream().anyMatch(content::contains)) {
            return true;
        }
        if (region == null) {
            return false;
        }
        for (Region place : places) {
            if (place.province().equals(region.province())
                    && (place.city() == null || region.city() == null || place.city().equals(region.city()))) {
                return true;
            }
        }
        return false;
    }
}
