package org.yqsentinel.enrich.privacy;

record Hit(Kind kind, int start, int end, String replacement) {

    int length() {
        return end - start;
    }

    Finding finding() {
        return new Finding(kind, start, end);
    }
}
