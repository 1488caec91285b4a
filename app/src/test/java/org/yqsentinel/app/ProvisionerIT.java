package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.StringReader;
import java.time.YearMonth;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yqsentinel.model.IndexTemplates;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.Provisioner;

/** {@code yq setup} on indices an older version made: the fields its templates added since reach them. */
@ExtendWith(LocalStackExtension.class)
class ProvisionerIT {

    private static final String OLD_MAPPING = "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"id\":{\"type\":\"keyword\"}}}}";

    @Test
    void setupAddsNewTemplateFieldsToExistingSingleAndMonthlyIndices(StackContext stack) throws Exception {
        Namespace names = stack.namespace();
        IndexTemplates.Template policies = template(names, "yq-policies");
        IndexTemplates.Template items = template(names, "yq-items");
        String single = policies.singleIndex();
        String monthly = names.itemsIndex(YearMonth.of(2026, 1));
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            ElasticsearchClient client = es.client();
            // as an older version left them: no template yet, indices with only the fields it knew
            for (IndexTemplates.Template template : IndexTemplates.forNamespace(names)) {
                client.indices().deleteIndexTemplate(r -> r.name(template.name()));
            }
            for (String index : new String[] {single, monthly}) {
                client.indices().delete(r -> r.index(index).ignoreUnavailable(true));
                client.indices().create(r -> r.index(index).withJson(new StringReader(OLD_MAPPING)));
            }
            assertThat(fields(client, monthly)).containsExactly("id");

            try (Provisioner provisioner = new Provisioner(stack.kafkaBootstrapServers(), stack.elasticsearchUrl())) {
                provisioner.provision(names, 1);
            }

            assertThat(fields(client, single)).containsAll(templateFields(policies)).hasSizeGreaterThan(1);
            assertThat(fields(client, monthly)).containsAll(templateFields(items)).hasSizeGreaterThan(1);
        }
    }

    private static IndexTemplates.Template template(Namespace names, String name) {
        return IndexTemplates.forNamespace(names).stream().filter(t -> t.name().equals(names.index(name))).findFirst().orElseThrow();
    }

    private static Set<String> templateFields(IndexTemplates.Template template) {
        Set<String> fields = new TreeSet<>();
        template.mappings().get("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    private static Set<String> fields(ElasticsearchClient client, String index) throws Exception {
        return client.indices().getMapping(r -> r.index(index)).result().get(index).mappings().properties().keySet();
    }
}
