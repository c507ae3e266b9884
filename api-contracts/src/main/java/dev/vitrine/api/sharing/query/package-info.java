/** Answers of the sharing routes. */
package dev.vitrine.api.sharing.query;
