package dev.vitrine.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one scenario's clients were answered, whoever asked: 5xx answers (a 503 with Retry-After is the designed
 * answer during an outage and is counted apart, as the client waits and asks again), and the background readers'
 * failed reads.
 */
final class Tally {

    private static final int SAMPLES = 12;

    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong retryAfter503 = new AtomicLong();
    final AtomicLong failedReads = new AtomicLong();
    private final Map<String, AtomicLong> failedReadKinds = new ConcurrentHashMap<>();
    private final List<String> samples = Collections.synchronizedList(new ArrayList<>());
    private final Journal journal;

    Tally(Journal journal) {
        this.journal = journal;
    }

    /** Counts an answer; {@code true} when it was a 503 carrying Retry-After. */
    boolean answered(String request, int status, boolean hasRetryAfter, String body) {
        if (status == 503 && hasRetryAfter) {
            retryAfter503.incrementAndGet();
            return true;
        }
        if (status >= 500) {
            serverErrors.incrementAndGet();
            sample(request + " -> " + status + " " + Journal.shorten(body));
        }
        return false;
    }

    /** A failed read, of a kind (refused, hung, status 500, …) counted apart, and why. */
    void failedRead(String kind, String why) {
        failedReads.incrementAndGet();
        failedReadKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        sample("read failed: " + why);
    }

    /** E.g. "refused=331, hung=2"; empty when none failed. */
    String failedReadKinds() {
        return new TreeMap<>(failedReadKinds).toString().replaceAll("[{}]", "");
    }

    /** The first few failures go to the scenario's journal: enough to see what went wrong, not a flood. */
    private void sample(String what) {
        if (samples.size() < SAMPLES) {
            samples.add(what);
            journal.note(what);
        }
    }
}
