package org.yqsentinel.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private SentinelConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = null;
        if (yaml != null) {
            file = dir.resolve("sentinel.yaml");
            Files.writeString(file, yaml);
        }
        return new ConfigLoader(env::get).read(file);
    }

    @Test
    void defaultsPointAtTheLocalStack() throws Exception {
        SentinelConfig config = load(null, Map.of());
        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(config.elasticsearchUrl()).isEqualTo("http://127.0.0.1:19200");
        assertThat(config.monitor().checkpointIntervalSeconds()).isEqualTo(10);
        assertThat(config.names().rawPolicyTopic()).isEqualTo("yq.raw.policy");
    }

    @Test
    void fileOverridesDefaultsAndEnvironmentOverridesFile() throws Exception {
        SentinelConfig config = load("stack:\n  kafka-port: 29092\nmonitor:\n  bulk:\n    max-retries: 9\n",
                Map.of("YQ_STACK_ELASTICSEARCH_PORT", "29200", "YQ_MONITOR_BULK_MAX_RETRIES", "2"));
        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:29092");
        assertThat(config.elasticsearchUrl()).isEqualTo("http://127.0.0.1:29200");
        assertThat(config.monitor().bulk().maxRetries()).isEqualTo(2);
        assertThat(config.monitor().bulk().maxOperations()).as("untouched default").isEqualTo(1000);
    }

    @Test
    void unknownOptionNamesFileLineAndTheKnownOptions() {
        assertThatThrownBy(() -> load("namespace: \"\"\nstack:\n  kafka-prot: 1\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sentinel.yaml:3: unknown option 'stack.kafka-prot'")
                .hasMessageContaining("kafka-port");
    }

    @Test
    void wrongTypeNamesFileLineAndOption() {
        assertThatThrownBy(() -> load("monitor:\n  parallelism: lots\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sentinel.yaml:2: option 'monitor.parallelism' has a wrong value");
    }

    @Test
    void wrongTypeFromEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> load(null, Map.of("YQ_STACK_KAFKA_PORT", "x")))
                .hasMessageContaining("environment variable YQ_STACK_KAFKA_PORT");
    }

    @Test
    void invalidYamlNamesTheLine() {
        assertThatThrownBy(() -> load("stack:\n  kafka-port: [1\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sentinel.yaml:");
    }

    @Test
    void retentionAndIndexShapeHaveDefaultsAndImpossibleValuesAreRefusedWithTheLine() throws Exception {
        SentinelConfig defaults = load(null, Map.of());
        assertThat(defaults.retention().itemMonths()).isEqualTo(13);
        assertThat(defaults.retention().caseMonths()).isEqualTo(36);
        assertThat(defaults.elasticsearch().replicas()).isZero();
        assertThat(load("elasticsearch:\n  replicas: 1\n", Map.of("YQ_RETENTION_ITEM_MONTHS", "6")).retention().itemMonths()).isEqualTo(6);

        assertThatThrownBy(() -> load("namespace: \"\"\nretention:\n  item-months: 0\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sentinel.yaml:2: option 'retention' has a wrong value")
                .hasMessageContaining("every retention.* option must be at least 1");
        assertThatThrownBy(() -> load("elasticsearch:\n  shards: 0\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("elasticsearch.shards must be at least 1");
    }
}
