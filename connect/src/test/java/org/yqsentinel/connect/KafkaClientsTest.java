package org.yqsentinel.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.model.config.ConfigException;

class KafkaClientsTest {

    @Test
    void everyClientStartsFromTheSameServers() {
        KafkaClients clients = new KafkaClients("127.0.0.1:9092,127.0.0.1:9093");
        assertThat(clients.common()).containsEntry("bootstrap.servers", "127.0.0.1:9092,127.0.0.1:9093");
    }

    @Test
    void noServersIsRefusedWithTheSettingToFix() {
        assertThatThrownBy(() -> new KafkaClients(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kafka.bootstrap-servers");
    }

    @Test
    void thePropertiesFileReachesEveryClientAndTheServersStayTheConfigurations(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"yq\" password=\"p\";\n"
                + "ssl.truststore.type=PEM\nssl.truststore.location=/etc/sentinel/ca.crt\n");
        KafkaClients clients = new KafkaClients("kafka-1:9093", KafkaClients.properties(file.toString()));

        assertThat(clients.common()).containsEntry("bootstrap.servers", "kafka-1:9093").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("ssl.truststore.location", "/etc/sentinel/ca.crt");
        assertThat(KafkaClients.properties("")).isEmpty();
    }

    @Test
    void aPropertiesFileThatCannotBeReadOrSetsTheServersIsRefusedWithWhatToFix(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> KafkaClients.properties(dir.resolve("missing.properties").toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.properties-file").hasMessageContaining("cannot be read");
        Path servers = Files.writeString(dir.resolve("servers.properties"), "bootstrap.servers=elsewhere:9092\n");
        assertThatThrownBy(() -> KafkaClients.properties(servers.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("set kafka.bootstrap-servers instead");
        assertThat(new KafkaClients("a:1", Map.of("security.protocol", "SSL")).common()).containsEntry("security.protocol", "SSL");
    }
}
