package org.yqsentinel.stack.junit;

import org.yqsentinel.model.Namespace;

/** What a test class gets from {@link LocalStackExtension}: where the stack is, and a namespace of its own. */
public record StackContext(String kafkaBootstrapServers, String elasticsearchUrl, Namespace namespace) {}
