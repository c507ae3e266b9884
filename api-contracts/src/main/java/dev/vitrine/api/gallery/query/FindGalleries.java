package dev.vitrine.api.gallery.query;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.paging.Cursor;

/** Which galleries may the viewer browse: public ones and the viewer's own, newest first. */
public record FindGalleries(Actor viewer, Cursor after, int limit) {}
