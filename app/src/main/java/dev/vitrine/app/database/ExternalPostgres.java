package dev.vitrine.app.database;

/** A PostgreSQL given by {@code spring.datasource.url}; Vitrine neither starts nor stops it. */
record ExternalPostgres(DatabaseEndpoint endpoint) implements PostgresServer {

    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
