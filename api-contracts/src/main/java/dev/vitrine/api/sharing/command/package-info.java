/** Commands to the ShareLink aggregate, one per intent. */
package dev.vitrine.api.sharing.command;
