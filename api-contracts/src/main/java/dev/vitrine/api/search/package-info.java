/**
 * Search across everything a caller may see: what a search's words may be ({@link dev.vitrine.api.search.SearchWords})
 * and, in {@code query}, the question and its answer.
 */
package dev.vitrine.api.search;
