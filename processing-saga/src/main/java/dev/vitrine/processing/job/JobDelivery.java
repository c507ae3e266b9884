package dev.vitrine.processing.job;

/** A job handed to the worker, and what the worker says when it is through with it. */
public interface JobDelivery {

    ProcessImageJob job();

    /**
     * How often the queue handed this job out before without hearing back: each time, the process holding it died.
     * For the log and the queue's own limits only: a process holds jobs it has not begun, so this counts the
     * innocent with the guilty. Which file crashes the process is decided by what was being decoded ({@code
     * DecodeStarts}).
     */
    int unfinished();

    /** The outcome is recorded in the event store: the job may go. */
    void done();

    /** Nothing could be recorded (the event store is down, say): give the job back for a later try. */
    void retryLater();
}
