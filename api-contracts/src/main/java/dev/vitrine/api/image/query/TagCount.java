package dev.vitrine.api.image.query;

/** One tag of a gallery and how many of the images the viewer sees carry it. */
public record TagCount(String tag, long count) {}
