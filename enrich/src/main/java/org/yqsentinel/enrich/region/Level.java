package org.yqsentinel.enrich.region;

/** Administrative level of a place in the region table; districts include county-level cities, counties and towns. */
public enum Level {
    PROVINCE,
    CITY,
    DISTRICT
}
