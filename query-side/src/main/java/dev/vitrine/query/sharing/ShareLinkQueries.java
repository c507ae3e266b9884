package dev.vitrine.query.sharing;

import dev.vitrine.api.sharing.query.FindShareLink;
import dev.vitrine.api.sharing.query.FindShareLinks;
import dev.vitrine.api.sharing.query.ShareLinkView;
import dev.vitrine.api.sharing.query.ShareLinks;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Answers questions about share links: only those who manage a link's gallery see it. */
@Component
class ShareLinkQueries {

    private final ShareLinkRows rows;

    ShareLinkQueries(ShareLinkRows rows) {
        this.rows = rows;
    }

    @QueryHandler
    CompletableFuture<ShareLinkView> handle(FindShareLink query) {
        return rows.find(query.linkId())
                .filter(link -> link.managedBy(query.viewer()))
                .map(link -> link.view(Instant.now()))
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<ShareLinks> handle(FindShareLinks query) {
        if (query.viewer().isAnonymous()) {
            return CompletableFuture.completedFuture(new ShareLinks(List.of()));
        }
        Flux<LinkRow> links = query.galleryId() != null
                ? rows.ofGallery(query.galleryId())
                : rows.ofOwner(query.viewer().userId());
        Instant now = Instant.now();
        return links.filter(link -> link.managedBy(query.viewer()))
                .map(link -> link.view(now))
                .collectList()
                .map(ShareLinks::new)
                .toFuture();
    }
}
