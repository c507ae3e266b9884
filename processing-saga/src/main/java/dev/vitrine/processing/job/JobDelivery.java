package dev.vitrine.processing.job;

/** A job handed to the worker, and what the worker says when it is through with it. */
public interface JobDelivery {

    ProcessImageJob job();

    /** The outcome is recorded in the event store: the job may go. */
    void done();

    /** Nothing could be recorded (the event store is down, say): give the job back for a later try. */
    void retryLater();
}
