/**
 * Galleries: the vocabulary every kind of message shares ({@code Visibility}, {@code GalleryRules}); the messages
 * themselves live by kind in {@code command}, {@code event}, {@code query} and {@code http}.
 */
package dev.vitrine.api.gallery;
