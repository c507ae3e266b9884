/** How an installation is run: what each node does ({@link dev.vitrine.api.operations.NodeRoles}). */
package dev.vitrine.api.operations;
