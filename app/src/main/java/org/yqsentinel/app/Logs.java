package org.yqsentinel.app;

import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Where {@code yq} logs: {@code file} (the default: {@code .yq/logs/yq.log} at INFO, warnings on the console),
 * {@code stdout} (plain lines) or {@code json} (one JSON object per line, Elastic Common Schema), both at INFO on
 * stdout with no file, for a service manager's journal or a log shipper.
 */
public enum Logs {
    file("log4j2.properties"), stdout("log4j2-stdout.properties"), json("log4j2-json.properties");

    private static Logs current = file;

    private final String configuration;

    Logs(String configuration) {
        this.configuration = configuration;
    }

    /** Switches Log4j to this target's configuration, if it is not the one in use. */
    public static synchronized void use(Logs target) {
        if (target == current) {
            return;
        }
        URL url = Logs.class.getResource("/" + target.configuration);
        try {
            Configurator.reconfigure(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the bundled " + target.configuration + " has no valid address: " + url, e);
        }
        current = target;
    }
}
