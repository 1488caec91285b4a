package org.yqsentinel.connect;

/** Kafka or Elasticsearch refused or did not answer what setup asked; the message is one line: what, why, what to check. */
public class ProvisioningException extends RuntimeException {
    public ProvisioningException(String message) {
        super(message);
    }
}
