package org.yqsentinel.enrich.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yqsentinel.enrich.entity.EntityTagger;

/**
 * De-identifies personal data of private persons in post text. One instance is safe to share between threads.
 *
 * <p>Masking styles: mobile phone keeps the first 3 and last 4 digits ({@code 138****5678}, separators and a
 * {@code +86} prefix kept); landline keeps the area code and the last 2 digits ({@code 020-******78}); ID card keeps
 * the first 3 and last 2 characters ({@code 440*************2X}); bank card keeps the last 4 digits
 * ({@code ****1234}, grouped {@code **** **** **** 1234}); e-mail keeps the first character and the domain
 * ({@code z***@example.com}); licence plate keeps province and letter ({@code 粤A*****}); person name keeps the
 * surname ({@code 张**}). A number labelled as an ID number is masked whatever its check digit. Officials named with
 * their title, journalists in a byline, names inside organization names, words that only look like names (钱全,
 * 查一查) and already anonymized forms ({@code 王某某}, {@code 陈女士}) are left as they are.
 */
public final class PersonalDataMasker {

    private static final Comparator<Hit> STRONGEST_FIRST = Comparator.comparingInt(Hit::length).reversed()
            .thenComparingInt(hit -> priority(hit.kind()))
            .thenComparingInt(Hit::start);

    private final PatternDetector patterns = new PatternDetector();
    private final NameDetector names = new NameDetector(EntityTagger.bundled());

    public Masked mask(String text) {
        if (text == null) {
            return new Masked(null, List.of());
        }
        List<Hit> candidates = new ArrayList<>();
        patterns.detect(text, candidates);
        names.detect(text, candidates);
        if (candidates.isEmpty()) {
            return new Masked(text, List.of());
        }
        List<Hit> hits = withoutOverlaps(candidates);
        StringBuilder masked = new StringBuilder(text.length());
        List<Finding> findings = new ArrayList<>(hits.size());
        int from = 0;
        for (Hit hit : hits) {
            masked.append(text, from, hit.start()).append(hit.replacement());
            findings.add(hit.finding());
            from = hit.end();
        }
        masked.append(text, from, text.length());
        return new Masked(masked.toString(), findings);
    }

    private static List<Hit> withoutOverlaps(List<Hit> candidates) {
        candidates.sort(STRONGEST_FIRST);
        TreeMap<Integer, Hit> accepted = new TreeMap<>();
        for (Hit hit : candidates) {
            Map.Entry<Integer, Hit> before = accepted.lowerEntry(hit.end());
            if (before == null || before.getValue().end() <= hit.start()) {
                accepted.put(hit.start(), hit);
            }
        }
        return new ArrayList<>(accepted.values());
    }

    private static int priority(Kind kind) {
        return switch (kind) {
            case ID_CARD -> 0;
            case BANK_CARD -> 1;
            case EMAIL -> 2;
            case PHONE -> 3;
            case LICENSE_PLATE -> 4;
            case PERSON_NAME -> 5;
        };
    }
}
