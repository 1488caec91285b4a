package org.yqsentinel.rules.emerging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Posts in publish order ({@link TopicFinder#PUBLISHED}), indexed by the words they offer and with the places they name.
 * A slide's posts are indexed once ({@link #of}); a window is its slides one after the other ({@link #concat}), which
 * keeps publish order because slides do not overlap. Topic finding then looks up the few posts that name a bursting
 * word instead of reading every post of the window at every slide end. Not thread-safe: a window
 * keeps the positions of the words it was asked for.
 */
public final class WindowPosts {

    private static final int[] NONE = new int[0];

    private final List<TopicPost> posts;
    private final Set<String> places;
    /** Each part's index (word → positions in the part, ascending) and where the part starts. */
    private final List<Map<String, int[]>> indexes;
    private final int[] offsets;
    private final Map<String, int[]> merged = new HashMap<>();

    private WindowPosts(List<TopicPost> posts, Set<String> places, List<Map<String, int[]>> indexes, int[] offsets) {
        this.posts = posts;
        this.places = places;
        this.indexes = indexes;
        this.offsets = offsets;
    }

    /** The posts (any order) put in publish order and indexed. */
    public static WindowPosts of(Collection<TopicPost> posts) {
        List<TopicPost> sorted = new ArrayList<>(posts);
        sorted.sort(TopicFinder.PUBLISHED);
        Set<String> places = new HashSet<>();
        Map<String, List<Integer>> naming = new HashMap<>();
        for (int p = 0; p < sorted.size(); p++) {
            TopicPost post = sorted.get(p);
            places.addAll(post.places());
            for (String word : post.words()) {
                List<Integer> of = naming.computeIfAbsent(word, k -> new ArrayList<>());
                if (of.isEmpty() || of.get(of.size() - 1) != p) {
                    of.add(p);
                }
            }
        }
        Map<String, int[]> index = new HashMap<>(naming.size() * 2);
        naming.forEach((word, of) -> index.put(word, of.stream().mapToInt(Integer::intValue).toArray()));
        return new WindowPosts(List.copyOf(sorted), Set.copyOf(places), List.of(index), new int[] {0});
    }

    /** Slides' posts one after the other, each slide later than the one before. */
    public static WindowPosts concat(List<WindowPosts> slides) {
        List<TopicPost> posts = new ArrayList<>();
        Set<String> places = new HashSet<>();
        List<Map<String, int[]>> indexes = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (WindowPosts slide : slides) {
            for (int i = 0; i < slide.indexes.size(); i++) {
                indexes.add(slide.indexes.get(i));
                offsets.add(posts.size() + slide.offsets[i]);
            }
            posts.addAll(slide.posts);
            places.addAll(slide.places);
        }
        return new WindowPosts(posts, places, indexes, offsets.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The posts, in publish order. */
    public List<TopicPost> posts() {
        return posts;
    }

    public int size() {
        return posts.size();
    }

    public TopicPost get(int position) {
        return posts.get(position);
    }

    /** The places the posts name (their place entities). */
    public Set<String> places() {
        return places;
    }

    /** The positions of the posts that offer the word, ascending; do not change the array. */
    public int[] naming(String word) {
        if (indexes.size() == 1) {
            return indexes.get(0).getOrDefault(word, NONE);
        }
        int[] known = merged.get(word);
        if (known != null) {
            return known;
        }
        int length = 0;
        for (Map<String, int[]> index : indexes) {
            length += index.getOrDefault(word, NONE).length;
        }
        int[] all = new int[length];
        int at = 0;
        for (int i = 0; i < indexes.size(); i++) {
            for (int p : indexes.get(i).getOrDefault(word, NONE)) {
                all[at++] = offsets[i] + p;
            }
        }
        merged.put(word, all);
        return all;
    }
}
