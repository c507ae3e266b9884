package dev.vitrine.processing.job;

/** A job handed to the worker, and what the worker says when it is through with it. */
public interface JobDelivery {

    ProcessImageJob job();

    /**
     * How often this job was handed out before, and never done nor given back: each time, the process working on it
     * died. Known before the file is decoded, durably (the queue counts), so a file that crashes the process is
     * refused rather than crashing the next one.
     */
    int unfinished();

    /** The outcome is recorded in the event store: the job may go. */
    void done();

    /** Nothing could be recorded (the event store is down, say): give the job back for a later try. */
    void retryLater();
}
