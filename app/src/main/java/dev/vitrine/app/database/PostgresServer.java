package dev.vitrine.app.database;

import dev.vitrine.app.startup.RuntimeComponent;

/** The PostgreSQL Vitrine uses: one it was configured with, or one it runs itself. */
public interface PostgresServer extends RuntimeComponent, AutoCloseable {

    DatabaseEndpoint endpoint();

    @Override
    default String role() {
        return "PostgreSQL (events, read model, accounts)";
    }

    @Override
    default String location() {
        return endpoint().describe();
    }

    @Override
    void close();
}
