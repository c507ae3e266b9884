/**
 * Commands to the Gallery aggregate: one per intent, named in the imperative. Each carries who asks ({@code Actor});
 * the aggregate decides, atomically, and answers with events.
 */
package dev.vitrine.api.gallery.command;
