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

    @Test
    void elasticsearchCredentialsAreOneWayOrTheOtherAndNeverInTheTextOfTheConfiguration() throws Exception {
        SentinelConfig config = load("elasticsearch:\n  url: https://es.example:9200\n  username: sentinel\n  ca-file: /etc/sentinel/ca.crt\n",
                Map.of("YQ_ELASTICSEARCH_PASSWORD", "s3cret-from-env"));
        assertThat(config.elasticsearch().password()).isEqualTo("s3cret-from-env");
        assertThat(config.toString()).contains("user sentinel", "ca /etc/sentinel/ca.crt").doesNotContain("s3cret-from-env");
        assertThat(load(null, Map.of("YQ_ELASTICSEARCH_API_KEY", "a2V5OnNlY3JldA==")).toString()).contains("auth=api key")
                .doesNotContain("a2V5OnNlY3JldA==");

        assertThatThrownBy(() -> load("elasticsearch:\n  username: sentinel\n  api-key: abc\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sentinel.yaml:1: option 'elasticsearch' has a wrong value")
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> load("elasticsearch:\n  password: x\n", Map.of()))
                .hasMessageContaining("elasticsearch.password goes with elasticsearch.username");
        assertThatThrownBy(() -> load("elasticsearch:\n  ca-file: a.crt\n  fingerprint: AB:CD\n", Map.of()))
                .hasMessageContaining("ca-file or elasticsearch.fingerprint, not both");
    }

    @Test
    void laterFilesWinAndAnErrorNamesTheFileItCameFrom() throws Exception {
        Path stack = Files.writeString(dir.resolve("stack.yaml"), "kafka:\n  bootstrap-servers: 127.0.0.1:19392\n  properties-file: /s/kafka.properties\n");
        Path user = Files.writeString(dir.resolve("user.yaml"), "namespace: \"\"\nkafka:\n  bootstrap-servers: 10.0.0.1:9092\n");
        SentinelConfig config = new ConfigLoader(Map.<String, String>of()::get).readAll(java.util.List.of(stack, user));
        assertThat(config.kafkaBootstrapServers()).isEqualTo("10.0.0.1:9092");
        assertThat(config.kafka().propertiesFile()).isEqualTo("/s/kafka.properties");

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "monitor:\n  parallelism: lots\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.<String, String>of()::get).readAll(java.util.List.of(broken, user)))
                .hasMessageContaining("broken.yaml:2: option 'monitor.parallelism'");
    }
}
