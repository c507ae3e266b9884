/**
 * Images: the vocabulary every kind of message shares ({@code ImageStatus}, {@code VariantSize},
 * {@code VariantFormat}, {@code UploadRules}); the messages themselves live by kind in {@code command},
 * {@code event}, {@code query} and {@code http}.
 */
package dev.vitrine.api.image;
