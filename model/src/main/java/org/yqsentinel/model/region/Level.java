package org.yqsentinel.model.region;

/**
 * Administrative level of a place in the region table. Cities include the county-level divisions directly under a
 * province (仙桃, the counties of 海南); districts are the county-level divisions (市辖区, 县级市, 县, 旗) and a few towns.
 */
public enum Level {
    PROVINCE,
    CITY,
    DISTRICT
}
