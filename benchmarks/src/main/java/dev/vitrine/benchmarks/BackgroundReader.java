package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Visitors reading a public gallery anonymously while a scenario runs: a few threads, each asking for the gallery,
 * its first page of 30 images and the page after it (by cursor), over and over — or, in the overload scenario, the
 * same cached page every time. A read fails when it is not answered 200 (a 503 with Retry-After is the designed
 * answer during an outage: counted apart, and the visitor waits as told), takes more than 10 s, or the connection
 * fails. Every answered read's time goes into the percentiles; a read that hung counts as 10 s.
 */
final class BackgroundReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration HUNG = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofMillis(50);

    private final FaultClient anonymous;
    private final Tally tally;
    private final UUID gallery;
    private final boolean samePage;
    private final int threads;
    /** Every answered read: when it began (System.nanoTime) and how long it took. */
    private record Read(long began, double millis) {}

    private final List<Read> answered = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> running = new ArrayList<>();
    private final AtomicLong attempts = new AtomicLong();
    private volatile boolean stopped;

    private BackgroundReader(FaultClient anonymous, Tally tally, UUID gallery, boolean samePage, int threads) {
        this.anonymous = anonymous;
        this.tally = tally;
        this.gallery = gallery;
        this.samePage = samePage;
        this.threads = threads;
    }

    /** Gallery, first page, next page, again and again. */
    static BackgroundReader browsing(FaultClient anonymous, Tally tally, UUID gallery) {
        return new BackgroundReader(anonymous, tally, gallery, false, 3);
    }

    /** The same cached page (the first 30 images) again and again. */
    static BackgroundReader cachedPage(FaultClient anonymous, Tally tally, UUID gallery) {
        return new BackgroundReader(anonymous, tally, gallery, true, 3);
    }

    static String firstPage(UUID gallery) {
        return "/api/galleries/" + gallery + "/images?limit=30";
    }

    BackgroundReader start() {
        for (int i = 0; i < threads; i++) {
            running.add(Thread.ofVirtual().name("reader-" + i).start(this::read));
        }
        return this;
    }

    private void read() {
        while (!stopped) {
            if (samePage) {
                get(firstPage(gallery));
            } else {
                get("/api/galleries/" + gallery);
                String page = get(firstPage(gallery));
                String cursor = cursor(page);
                if (cursor != null) {
                    get(firstPage(gallery) + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                }
            }
            FaultClient.sleep(PAUSE);
        }
    }

    /** One read; its body when answered 200. */
    private String get(String path) {
        attempts.incrementAndGet();
        long began = System.nanoTime();
        try {
            FaultClient.Answer answer = anonymous.send("GET", path, null, HUNG);
            answered.add(new Read(began, answer.millis()));
            if (answer.status() == 200) {
                return answer.body();
            }
            if (answer.status() == 503 && answer.retryAfter() != null) {
                FaultClient.sleep(answer.retryAfter());
                return null;
            }
            tally.failedRead(
                    "status " + answer.status(),
                    "GET " + path + " -> " + answer.status() + " " + Journal.shorten(answer.body()));
        } catch (HttpTimeoutException hung) {
            answered.add(new Read(began, HUNG.toMillis()));
            tally.failedRead("hung", "GET " + path + " hung > " + HUNG.toSeconds() + " s");
        } catch (ConnectException refused) {
            tally.failedRead("refused", "GET " + path + ": " + refused);
            FaultClient.sleep(Duration.ofMillis(200)); // a refused connection fails at once: do not spin
        } catch (IOException e) {
            tally.failedRead("io error", "GET " + path + ": " + e);
            FaultClient.sleep(Duration.ofMillis(200));
        }
        return null;
    }

    private static String cursor(String page) {
        if (page == null) {
            return null;
        }
        try {
            JsonNode pagination = JSON.readTree(page).path("pagination");
            return pagination.path("hasMore").asBoolean() && pagination.hasNonNull("cursor")
                    ? pagination.get("cursor").asText()
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Milliseconds of every read answered so far (a copy). */
    List<Double> millis() {
        synchronized (answered) {
            return answered.stream().map(Read::millis).toList();
        }
    }

    /** Milliseconds of the reads answered so far that began within [from, to) (System.nanoTime). */
    List<Double> millisBetween(long from, long to) {
        synchronized (answered) {
            return answered.stream()
                    .filter(read -> read.began() - from >= 0 && read.began() - to < 0)
                    .map(Read::millis)
                    .toList();
        }
    }

    /** The percentile of the reads answered so far, or NaN if none was. */
    double percentile(double percent) {
        List<Double> all = millis();
        return all.isEmpty() ? Double.NaN : Stats.percentile(all, percent);
    }

    /** Reads answered (whatever the status). */
    int reads() {
        return answered.size();
    }

    /** Reads tried, answered or not. */
    long attempts() {
        return attempts.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread thread : running) {
            thread.join(Duration.ofSeconds(15));
        }
    }
}
