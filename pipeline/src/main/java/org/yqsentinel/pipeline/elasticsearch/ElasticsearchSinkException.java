package org.yqsentinel.pipeline.elasticsearch;

/** Elasticsearch refused documents for good (mapping error, bad request) or stayed unreachable past every retry. */
public class ElasticsearchSinkException extends RuntimeException {
    public ElasticsearchSinkException(String message) {
        super(message);
    }
}
