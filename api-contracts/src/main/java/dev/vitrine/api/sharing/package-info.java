/**
 * Sharing a gallery by link: a link opens one gallery to whoever holds its token, whatever the gallery's visibility,
 * until it expires or is revoked; a password, when set, must be given before anything of the gallery is shown.
 * The vocabulary here ({@link dev.vitrine.api.sharing.SharingRules}, {@link dev.vitrine.api.sharing.ShareTokens})
 * is shared by the link's commands, events, HTTP bodies and answers.
 */
package dev.vitrine.api.sharing;
