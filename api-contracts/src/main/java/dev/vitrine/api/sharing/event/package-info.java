/**
 * Every event of the ShareLink aggregate, in the audit history of the link's gallery. Versioned records
 * ({@code @Revision}), as every stored event.
 */
package dev.vitrine.api.sharing.event;
