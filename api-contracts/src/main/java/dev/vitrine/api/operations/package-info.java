/**
 * How an installation is run: what each node does ({@link dev.vitrine.api.operations.NodeRoles}) and the address
 * its URLs start with ({@link dev.vitrine.api.operations.PublicAddress}).
 */
package dev.vitrine.api.operations;
