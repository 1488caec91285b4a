package org.yqsentinel.pipeline.elasticsearch;

import java.io.Serializable;

/** Says where and under which id an element is indexed; shipped with the sink to the task managers. */
@FunctionalInterface
public interface DocumentRouter<T> extends Serializable {
    IndexedDocument route(T element);
}
