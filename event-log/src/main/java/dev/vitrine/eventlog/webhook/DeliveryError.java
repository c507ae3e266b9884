package dev.vitrine.eventlog.webhook;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * What an endpoint's owner is told of an attempt that got no HTTP answer: a class of failure, never an address, a
 * port or an exception's text (those go to the server's log). Told more, the delivery log would map the networks
 * Vitrine can reach.
 */
enum DeliveryError {
    NOT_ALLOWED("the target is not allowed", false),
    INVALID_URL("the endpoint's URL is not valid", false),
    UNRESOLVED("the host name did not resolve", true),
    TIMED_OUT("timed out", true),
    TLS_FAILED("the secure connection failed", true),
    COULD_NOT_CONNECT("could not connect", true),
    NO_ANSWER("the connection closed without an answer", true),
    EVENT_GONE("the event is no longer in the log", false),
    NOT_VISIBLE("the endpoint's owner may no longer see the event", false),
    GONE("the endpoint answered 410 Gone: it is disabled", false),
    // what failed was Vitrine's part (the event, the signature, a read): the details are in the server's log
    INTERNAL("Vitrine could not send the delivery", true);

    private static final Pattern ANSWERED = Pattern.compile("answered \\d{3}");
    private static final String FAILED = "the delivery failed";

    private final String text;
    private final boolean retried;

    DeliveryError(String text, boolean retried) {
        this.text = text;
        this.retried = retried;
    }

    String text() {
        return text;
    }

    /** Whether the delivery is tried again after it. */
    boolean retried() {
        return retried;
    }

    static String answered(int status) {
        return "answered " + status;
    }

    static DeliveryError of(TargetCheck.Refusal refusal) {
        return switch (refusal) {
            case UNRESOLVED -> UNRESOLVED;
            case NOT_ALLOWED -> NOT_ALLOWED;
            case MALFORMED, NOTATION -> INVALID_URL;
        };
    }

    static DeliveryError of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case TimeoutException _, ConnectTimeoutException _, ReadTimeoutException _ -> {
                    return TIMED_OUT;
                }
                case SSLException _ -> {
                    return TLS_FAILED;
                }
                case ConnectException _, NoRouteToHostException _ -> {
                    return COULD_NOT_CONNECT;
                }
                // only the pinned resolver resolves while sending: the client asked for a name the check did not see
                case UnknownHostException _ -> {
                    return NOT_ALLOWED;
                }
                default -> {}
            }
        }
        return NO_ANSWER;
    }

    /** What the delivery log shows of a stored error: attempts recorded before errors were classed are not echoed. */
    static String shown(String stored) {
        if (stored == null
                || ANSWERED.matcher(stored).matches()
                || Arrays.stream(values()).anyMatch(error -> error.text.equals(stored))) {
            return stored;
        }
        return FAILED;
    }
}
