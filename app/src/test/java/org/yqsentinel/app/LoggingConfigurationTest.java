package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingConfigurationTest {

    private static final Logger LOG = LoggerFactory.getLogger("org.yqsentinel.app.LoggingConfigurationTest");

    @RegisterExtension
    final Console console = Console.inTemporaryProject();

    @Test
    void logJsonWritesOneEcsObjectPerLineOnStdoutAndTheDefaultGoesBackToTheFile() throws IOException {
        try {
            assertThat(Yq.run("--log", "json", "--version")).isZero();
            console.reset();
            LOG.info("dead letter yq.raw.weibo:0@4 (weibo-mblog, bad_time): 时间 \"2999\"");
            LOG.warn("second");

            List<String> lines = console.outLines();
            assertThat(lines).hasSize(2);
            JsonNode first = new ObjectMapper().readTree(lines.get(0));
            assertThat(first.path("message").asText()).isEqualTo("dead letter yq.raw.weibo:0@4 (weibo-mblog, bad_time): 时间 \"2999\"");
            assertThat(first.path("log.level").asText()).isEqualTo("INFO");
            assertThat(first.path("log.logger").asText()).isEqualTo("org.yqsentinel.app.LoggingConfigurationTest");
            assertThat(first.path("service.name").asText()).isEqualTo("sentinel");
            assertThat(first.path("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(new ObjectMapper().readTree(lines.get(1)).path("log.level").asText()).isEqualTo("WARN");

            assertThat(Yq.run("--log", "stdout", "--version")).isZero();
            console.reset();
            LOG.info("plain");
            assertThat(console.outLines()).singleElement().asString().matches("\\d{4}-.* INFO  \\[.*\\] org.yqsentinel.app.LoggingConfigurationTest - plain");
        } finally {
            assertThat(Yq.run("--version")).isZero();
        }
        console.reset();
        LOG.info("to the file only");
        assertThat(console.out()).isEmpty();
        assertThat(console.err()).isEmpty();
    }

    @Test
    void anUnknownLogTargetIsRefusedWithTheChoices() {
        assertThat(Yq.run("--log", "syslog", "--version")).isEqualTo(2);
        assertThat(console.err()).contains("--log").contains("file, stdout, json");
    }

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
