package org.yqsentinel.enrich.privacy;

import java.util.List;

public record Masked(String text, List<Finding> findings) {

    public Masked {
        findings = List.copyOf(findings);
    }
}
