/** Request bodies of the HTTP API, with their validation, and answers only the HTTP edge gives. */
package dev.vitrine.api.image.http;
