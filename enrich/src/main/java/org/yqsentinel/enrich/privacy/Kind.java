package org.yqsentinel.enrich.privacy;

public enum Kind {
    PHONE,
    ID_CARD,
    BANK_CARD,
    EMAIL,
    LICENSE_PLATE,
    PERSON_NAME
}
