/**
 * Questions the read side answers (named as questions: {@code Find…}) and the answers they get: views and pages,
 * which the HTTP API also returns as they are.
 */
package dev.vitrine.api.gallery.query;
