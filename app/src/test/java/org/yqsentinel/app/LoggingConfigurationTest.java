package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoggingConfigurationTest {

    /**
     * A logger the command line's log4j2.properties configures by name (to keep the job's per-record warnings off the
     * console, for one) still names a class or package of ours: a class that moved would otherwise log to the console again.
     */
    @Test
    void everyLoggerOfOursThatTheConfigurationNamesExists() throws IOException {
        Properties configuration = new Properties();
        try (InputStream in = Yq.class.getResourceAsStream("/log4j2.properties")) {
            assertThat(in).as("log4j2.properties of the command line").isNotNull();
            configuration.load(in);
        }
        List<String> ours = configuration.stringPropertyNames().stream()
                .filter(key -> key.startsWith("logger.") && key.endsWith(".name"))
                .map(configuration::getProperty)
                .filter(name -> name.startsWith("org.yqsentinel."))
                .toList();
        assertThat(ours).isNotEmpty().allSatisfy(name -> assertThat(exists(name)).as(name + " is a class or package of ours").isTrue());
    }

    private static boolean exists(String name) {
        try {
            Class.forName(name, false, LoggingConfigurationTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return LoggingConfigurationTest.class.getClassLoader().getDefinedPackage(name) != null
                    || LoggingConfigurationTest.class.getClassLoader().getResource(name.replace('.', '/')) != null;
        }
    }
}
