package dev.vitrine.processing.worker;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image work runs at a lower scheduling priority (a Linux nice value, per thread) than the threads that answer
 * requests: under a backlog the CPU is processing's only when nobody waits for an answer, so reads stay fast while
 * the queue drains. Java's thread priorities are ignored on Linux; {@code setpriority} on the thread's id is not,
 * and threads a niced thread starts (libvips' own) inherit its value. Where the call is missing or refused, work
 * runs at normal priority.
 */
final class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;
    private static final Optional<MethodHandle> GETTID = downcall("gettid", FunctionDescriptor.of(JAVA_INT));
    private static final Optional<MethodHandle> SETPRIORITY =
            downcall("setpriority", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));

    private BackgroundPriority() {}

    /** Threads from {@code factory} that lower their own priority to {@code niceness} first (0: unchanged). */
    static ThreadFactory of(ThreadFactory factory, int niceness) {
        if (niceness == 0) {
            return factory;
        }
        return work -> factory.newThread(() -> {
            lower(niceness);
            work.run();
        });
    }

    private static void lower(int niceness) {
        if (GETTID.isEmpty() || SETPRIORITY.isEmpty()) {
            return;
        }
        try {
            int thread = (int) GETTID.get().invokeExact();
            int result = (int) SETPRIORITY.get().invokeExact(PRIO_PROCESS, thread, niceness);
            if (result != 0) {
                log.debug(
                        "Thread {} keeps its priority: setpriority refused",
                        Thread.currentThread().getName());
            }
        } catch (Throwable failure) {
            log.debug("Thread {} keeps its priority: {}", Thread.currentThread().getName(), failure.toString());
        }
    }

    private static Optional<MethodHandle> downcall(String name, FunctionDescriptor descriptor) {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find(name).map(symbol -> linker.downcallHandle(symbol, descriptor));
        } catch (RuntimeException | LinkageError unavailable) {
            return Optional.empty();
        }
    }
}
