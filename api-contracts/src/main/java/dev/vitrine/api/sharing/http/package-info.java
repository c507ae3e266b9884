/** The HTTP bodies of the sharing routes. */
package dev.vitrine.api.sharing.http;
