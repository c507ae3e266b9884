/**
 * Commands to the Image aggregate: one per intent, named in the imperative. Each carries who asks ({@code Actor});
 * the aggregate decides, atomically, and answers with events.
 */
package dev.vitrine.api.image.command;
