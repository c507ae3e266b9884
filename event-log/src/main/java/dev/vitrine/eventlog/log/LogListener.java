package dev.vitrine.eventlog.log;

import java.util.List;

/** Hears the public events the log writes, inside the transaction that writes them (the webhook outbox). */
public interface LogListener {

    void written(List<LogRecord> records);
}
