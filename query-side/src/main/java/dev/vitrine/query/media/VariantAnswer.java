package dev.vitrine.query.media;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;

/** A stored variant as an HTTP answer: its bytes and entity tag, or 304 when the client holds it already. */
public final class VariantAnswer {

    private VariantAnswer() {}

    /** @param cacheControl who may keep it, and for how long: the route decides (forever, or revalidated) */
    public static ResponseEntity<Flux<DataBuffer>> of(VariantObjects.StoredVariant variant, String cacheControl) {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(cacheControl);
        headers.setETag(variant.etag());
        if (variant.notModified()) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(MediaType.parseMediaType(variant.contentType()));
        headers.setContentLength(variant.length());
        return new ResponseEntity<>(
                variant.bytes().map(DefaultDataBufferFactory.sharedInstance::wrap), headers, HttpStatus.OK);
    }
}
