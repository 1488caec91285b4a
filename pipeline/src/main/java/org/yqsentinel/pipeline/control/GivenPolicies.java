package org.yqsentinel.pipeline.control;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.rules.risk.WatchedPolicy;

/**
 * Policies the job knows before its first record, shipped with the job graph as JSON: an offline scoring or
 * a replay is given its policies up front, so every post meets the policies published before it whatever
 * order the two inputs of the linking and risk operators happen to deliver them in. The live job is given
 * none; it learns policies from {@code yq.raw.policy} only.
 */
public final class GivenPolicies implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final GivenPolicies NONE = new GivenPolicies(List.of());

    private final List<String> json;

    private GivenPolicies(List<String> json) {
        this.json = List.copyOf(json);
    }

    public static GivenPolicies of(List<WatchedPolicy> policies) {
        return new GivenPolicies(policies.stream().map(Json::toString).toList());
    }

    public List<WatchedPolicy> policies() {
        List<WatchedPolicy> policies = new ArrayList<>(json.size());
        for (String policy : json) {
            try {
                policies.add(Json.mapper().readValue(policy, WatchedPolicy.class));
            } catch (IOException e) {
                throw new UncheckedIOException("a given policy does not read back: " + e.getMessage(), e);
            }
        }
        return policies;
    }
}
