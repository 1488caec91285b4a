package org.yqsentinel.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The job jar that {@code flink run} takes holds the product only: no simulator, no training or evaluation code,
 * no development servers and no GreenMail. (An IT because the shade plugin builds the jar in the package phase.)
 */
class JobJarIT {

    private static final List<String> NOT_SHIPPED = List.of(
            "org/yqsentinel/simulator/", "org/yqsentinel/ingest/scenario/", "org/yqsentinel/training/",
            "org/yqsentinel/stack/", "com/icegreen/greenmail/", "org/junit/");

    @Test
    void theJobJarHoldsTheJobAndNoneOfTheDevelopmentTools() throws IOException {
        List<String> entries = entries(jobJar());
        assertThat(entries).contains("org/yqsentinel/pipeline/monitor/MonitorJob.class",
                "org/yqsentinel/enrich/TextAnalyzer.class", "org/yqsentinel/connect/KafkaClients.class");
        for (String prefix : NOT_SHIPPED) {
            assertThat(entries).as("entries under " + prefix).noneMatch(entry -> entry.startsWith(prefix));
        }
        assertThat(entries).as("trainers and evaluations").noneMatch(entry -> entry.startsWith("org/yqsentinel/")
                && (entry.endsWith("Trainer.class") || entry.endsWith("Evaluation.class")));
    }

    private static Path jobJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "sentinel-pipeline-*-job.jar")) {
            List<Path> found = new ArrayList<>();
            jars.forEach(found::add);
            assertThat(found).as("the shaded job jar in pipeline/target").hasSize(1);
            return found.get(0);
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }
}
