package org.yqsentinel.alerting.service;

import java.util.function.Function;
import org.yqsentinel.alerting.delivery.DeliveryBook;

/** The {@link DeliveryBook} the consumer, the dispatcher and the endpoint share: not thread-safe, so each use holds one lock. */
final class SharedBook {

    private final DeliveryBook book;

    SharedBook(DeliveryBook book) {
        this.book = book;
    }

    <T> T with(Function<DeliveryBook, T> use) {
        synchronized (this) {
            return use.apply(book);
        }
    }
}
