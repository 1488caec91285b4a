package org.yqsentinel.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack keeps things: everything it writes lives under {@code .yq/} in the project
 * (gitignored); the servers it runs come from {@code stack-runtime/target}, resolved there by Maven.
 */
public record StackLayout(Path home) {

    public static final String ELASTICSEARCH_VERSION = "8.19.21";

    /** The project folder: {@code -Dyq.home}, else {@code YQ_HOME}, else the nearest parent of the working folder holding stack-runtime. */
    public static StackLayout detect() {
        String configured = System.getProperty("yq.home", System.getenv("YQ_HOME"));
        if (configured != null && !configured.isBlank()) {
            return new StackLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("stack-runtime/pom.xml"))) {
                return new StackLayout(dir);
            }
        }
        throw new StackException("cannot find the Sentinel project folder from " + Path.of("").toAbsolutePath()
                + ": run from inside the project or set YQ_HOME");
    }

    public Path workDir() {
        return home.resolve(".yq");
    }

    public Path kafkaDir() {
        return workDir().resolve("kafka");
    }

    public Path elasticsearchDir() {
        return workDir().resolve("elasticsearch");
    }

    /** The secure stack's certificates, passwords and client settings ({@code ./yq stack up --secure}); only its owner may enter. */
    public Path secureDir() {
        return workDir().resolve("secure");
    }

    /** Where the secure stack's servers keep their data and logs, apart from the plain stack's. */
    public Path secureStackDir() {
        return workDir().resolve("secure-stack");
    }

    public Path kafkaClasspathFile() {
        return home.resolve("stack-runtime/target/kafka-broker.classpath");
    }

    public Path flinkClasspathFile() {
        return home.resolve("cluster-runtime/target/flink-cluster.classpath");
    }

    public Path elasticsearchZip() {
        return home.resolve("stack-runtime/target/elasticsearch-" + ELASTICSEARCH_VERSION + ".zip");
    }

    /** The java executable of this JVM, which also runs the broker and Elasticsearch. */
    public static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
