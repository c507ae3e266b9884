package dev.vitrine.query.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** An answer as it goes on the wire: the JSON body, its entity tag and how HTTP caches may keep it. */
public record CachedAnswer(byte[] body, String etag, String cacheControl) {

    /** One array (two length-prefixed strings, then the body), as the cache stores it. */
    byte[] encode() {
        byte[] tag = etag.getBytes(StandardCharsets.UTF_8);
        byte[] control = cacheControl.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + tag.length + control.length + body.length)
                .putInt(tag.length)
                .put(tag)
                .putInt(control.length)
                .put(control)
                .put(body)
                .array();
    }

    static CachedAnswer decode(byte[] stored) {
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        byte[] tag = new byte[buffer.getInt()];
        buffer.get(tag);
        byte[] control = new byte[buffer.getInt()];
        buffer.get(control);
        byte[] body = new byte[buffer.remaining()];
        buffer.get(body);
        return new CachedAnswer(
                body, new String(tag, StandardCharsets.UTF_8), new String(control, StandardCharsets.UTF_8));
    }
}
