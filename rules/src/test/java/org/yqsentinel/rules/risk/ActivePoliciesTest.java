package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.PolicyDocument;

class ActivePoliciesTest {

    private static PolicyDocument policy(String id, LocalDate written, LocalDate published) {
        return new PolicyDocument(id, id, null, null, "关于" + id + "的通知", "某局", written, published, null, List.of(), "…", null);
    }

    @Test
    void aPolicyIsWatchedFromTheStartOfItsPublicationDayInBeijingForTheWatchPeriod() {
        ActivePolicies active = new ActivePolicies(30);
        active.add(policy("p", LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20)));
        assertThat(active.at(Instant.parse("2026-11-19T15:59:59Z"))).isEmpty();  // 23:59:59 on the 19th in Beijing
        assertThat(active.at(Instant.parse("2026-11-19T16:00:00Z"))).extracting(PolicyDocument::id).containsExactly("p");
        assertThat(active.at(Instant.parse("2026-12-19T15:59:59Z"))).hasSize(1);
        assertThat(active.at(Instant.parse("2026-12-19T16:00:00Z"))).isEmpty();
    }

    @Test
    void withoutAPublicationDateTheWritingDateCountsAndWithoutEitherNever() {
        ActivePolicies active = new ActivePolicies(30);
        active.add(policy("written", LocalDate.of(2026, 11, 18), null));
        active.add(policy("undated", null, null));
        assertThat(active.at(Instant.parse("2026-11-20T00:00:00Z"))).extracting(PolicyDocument::id).containsExactly("written");
    }

    @Test
    void aRetirementEndsTheWatchFromItsTimeOn() {
        ActivePolicies active = new ActivePolicies(30);
        active.add(policy("p", null, LocalDate.of(2026, 11, 20)));
        active.retire("p", Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(active.at(Instant.parse("2026-11-24T23:59:59Z"))).hasSize(1);
        assertThat(active.at(Instant.parse("2026-11-25T00:00:00Z"))).isEmpty();
    }

    @Test
    void forgottenPoliciesAreThoseNoLaterEventCanReach() {
        ActivePolicies active = new ActivePolicies(30);
        active.add(policy("old", null, LocalDate.of(2026, 9, 1)));
        active.add(policy("new", null, LocalDate.of(2026, 11, 20)));
        active.forgetBefore(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(active.at(Instant.parse("2026-09-02T00:00:00Z"))).isEmpty();
        assertThat(active.at(Instant.parse("2026-11-22T00:00:00Z"))).extracting(PolicyDocument::id).containsExactly("new");
    }
}
