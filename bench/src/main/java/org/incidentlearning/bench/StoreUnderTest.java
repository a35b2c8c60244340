package org.incidentlearning.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where the service under test keeps its events: the embedded H2 file (the default) or PostgreSQL. A store holds
 * named datasets: one empty for each run's ingest, and the generated ones kept between runs.
 */
interface StoreUnderTest extends AutoCloseable {

    String name();

    /** Empties the dataset if {@code fresh}; the service's arguments that point it there. */
    List<String> serviceArguments(String dataset, boolean fresh) throws IOException, SQLException;

    /** A direct connection to a dataset, with the durability settings the service uses; the service must be stopped
     *  for H2, whose file one process opens at a time. */
    Connection connect(String dataset) throws SQLException;

    boolean exists(String dataset) throws SQLException;

    /** What the store is, for the results: engine, version and its durability settings. */
    String describe() throws SQLException;

    @Override
    void close() throws IOException;

    /**
     * The H2 file store the service opens by default. The bench's own connections (the store's limits) use
     * WRITE_DELAY=0: each of their commits reaches the file, as an acknowledged write of the service does.
     */
    final class H2 implements StoreUnderTest {

        private final Path root;

        H2(Path root) {
            this.root = root;
        }

        @Override
        public String name() {
            return "h2";
        }

        @Override
        public List<String> serviceArguments(String dataset, boolean fresh) throws IOException {
            Path dir = root.resolve(dataset);
            if (fresh) {
                Files.deleteIfExists(dir.resolve("incidents.mv.db"));
                Files.deleteIfExists(dir.resolve("incidents.trace.db"));
            }
            Files.createDirectories(dir);
            return List.of("--incident.data-dir=" + dir.toAbsolutePath());
        }

        @Override
        public Connection connect(String dataset) throws SQLException {
            return DriverManager.getConnection("jdbc:h2:file:" + root.resolve(dataset).toAbsolutePath()
                                               + "/incidents;WRITE_DELAY=0", "sa", "");
        }

        @Override
        public boolean exists(String dataset) {
            return Files.exists(root.resolve(dataset).resolve("incidents.mv.db"));
        }

        @Override
        public String describe() {
            return "H2 " + org.h2.engine.Constants.VERSION + " file, each acknowledged write stored before its answer";
        }

        /**
         * The dataset's file as the service left it, and again after {@code SHUTDOWN COMPACT} rewrote it to what
         * it holds: the service must be stopped.
         */
        FileSizes compact(String dataset) throws IOException, SQLException {
            Path file = root.resolve(dataset).resolve("incidents.mv.db");
            long before = Files.size(file);
            try (Connection connection = connect(dataset); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            return new FileSizes(before, Files.size(file));
        }

        record FileSizes(long bytes, long compactedBytes) {

            double ratio() {
                return (double) bytes / compactedBytes;
            }
        }

        @Override
        public void close() {
        }
    }

    /**
     * PostgreSQL from io.zonky.test's binaries, its cluster kept under the benchmark's data folder, one database per
     * dataset. Commits wait for the disk ({@code synchronous_commit=on}, {@code fsync=on}) as a production server's
     * do; zonky's own default turns synchronous commits off.
     */
    final class Postgres implements StoreUnderTest {

        private final EmbeddedPostgres server;

        Postgres(Path dataDir) throws IOException {
            Files.createDirectories(dataDir);
            server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100").start();
        }

        @Override
        public String name() {
            return "postgres";
        }

        @Override
        public List<String> serviceArguments(String dataset, boolean fresh) throws SQLException {
            try (Connection admin = server.getPostgresDatabase().getConnection();
                 Statement statement = admin.createStatement()) {
                if (fresh) {
                    statement.execute("DROP DATABASE IF EXISTS " + dataset + " WITH (FORCE)");
                }
                if (!exists(dataset)) {
                    statement.execute("CREATE DATABASE " + dataset);
                }
            }
            return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url(dataset),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
        }

        @Override
        public Connection connect(String dataset) throws SQLException {
            return DriverManager.getConnection(url(dataset), "postgres", "postgres");
        }

        @Override
        public boolean exists(String dataset) throws SQLException {
            try (Connection admin = server.getPostgresDatabase().getConnection();
                 var query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, dataset);
                return query.executeQuery().next();
            }
        }

        @Override
        public String describe() throws SQLException {
            try (Connection admin = server.getPostgresDatabase().getConnection();
                 Statement statement = admin.createStatement()) {
                var version = statement.executeQuery("SHOW server_version");
                version.next();
                String text = "PostgreSQL " + version.getString(1);
                var commit = statement.executeQuery("SHOW synchronous_commit");
                commit.next();
                return text + ", synchronous_commit=" + commit.getString(1);
            }
        }

        private String url(String dataset) {
            return "jdbc:postgresql://localhost:" + server.getPort() + "/" + dataset;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
