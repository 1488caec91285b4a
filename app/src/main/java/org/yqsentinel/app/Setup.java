package org.yqsentinel.app;

import java.util.List;
import org.yqsentinel.connect.Provisioner;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * What {@code yq setup} does, and the demo and the pipeline benchmark before they send anything: the
 * configured namespace's topics (raw topics with {@code monitor.raw-topic-partitions}) and index templates,
 * idempotent.
 */
public final class Setup {

    private Setup() {}

    /** Creates or updates the topics and templates; one line for each, saying what it found or did. */
    public static List<String> provision(SentinelConfig config) {
        try (Provisioner provisioner = new Provisioner(config)) {
            return provisioner.provision(config.names(), Provisioner.Plan.of(config));
        }
    }
}
