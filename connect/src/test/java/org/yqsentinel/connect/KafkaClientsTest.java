package org.yqsentinel.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
