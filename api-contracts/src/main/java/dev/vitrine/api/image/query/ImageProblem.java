package dev.vitrine.api.image.query;

/** Why an image is not shown: rejected (the file is at fault) or stalled (processing kept failing). */
public record ImageProblem(String code, String message) {}
