/** The search question ({@code Find…}) and its answer, which the HTTP API returns as it is. */
package dev.vitrine.api.search.query;
