package org.incidentlearning.query.rebuild;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Empty copies of view tables, built beside them and swapped in once full. Each copy takes its columns and primary
 * key from the live table as the database describes it (so a migration never has to be repeated here), and its
 * secondary indexes only after the load, when one sorted pass builds each. The swap renames the copies to the live
 * names and gives indexes and keys their live names back, so later migrations find what they expect.
 */
final class FreshTables {

    private static final String RETIRED = "_retired";
    private static final Set<String> VARYING_CHARACTERS = Set.of("varchar", "character varying");

    /** One table's definition as the live table has it. */
    private record Definition(String table, List<String> columns, String primaryKey, List<String> keyColumns,
                              Map<String, Index> indexes) {
    }

    private record Index(boolean unique, List<String> columns) {
    }

    private final Connection connection;
    private final boolean postgres;
    private final List<Definition> definitions = new ArrayList<>();

    /** Reads the live tables' definitions; {@code connection} must not rewrite table names. */
    FreshTables(Connection connection, List<String> tables) throws SQLException {
        this.connection = connection;
        DatabaseMetaData metaData = connection.getMetaData();
        this.postgres = "PostgreSQL".equals(metaData.getDatabaseProductName());
        for (String table : tables) {
            definitions.add(definition(metaData, table));
        }
    }

    /** Drops what an interrupted rebuild left, and creates every copy empty, with its primary key. */
    void create() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Definition definition : definitions) {
                statement.execute("DROP TABLE IF EXISTS " + fresh(definition.table()));
                statement.execute("DROP TABLE IF EXISTS " + definition.table() + RETIRED);
                statement.execute("CREATE TABLE " + fresh(definition.table()) + " (" + String.join(", ",
                        definition.columns()) + ", CONSTRAINT " + fresh(definition.primaryKey()) + " PRIMARY KEY ("
                        + String.join(", ", definition.keyColumns()) + "))");
            }
        }
    }

    /**
     * The secondary indexes, each built in one pass over the loaded rows; on PostgreSQL also the planner's
     * statistics, so the first reads after the swap are planned for the tables as they are, not as empty ones.
     */
    void index() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Definition definition : definitions) {
                for (Map.Entry<String, Index> index : definition.indexes().entrySet()) {
                    statement.execute("CREATE " + (index.getValue().unique() ? "UNIQUE " : "") + "INDEX "
                            + fresh(index.getKey()) + " ON " + fresh(definition.table()) + " ("
                            + String.join(", ", index.getValue().columns()) + ")");
                }
                if (postgres) {
                    statement.execute("ANALYZE " + fresh(definition.table()));
                }
            }
        }
    }

    /**
     * The copies become the live tables. On PostgreSQL this is part of the caller's transaction, so readers see the
     * old tables until it commits and the new ones after; H2 commits each statement, so a read landing between the
     * two renames of a table fails.
     */
    void swap() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Definition definition : definitions) {
                statement.execute("ALTER TABLE " + definition.table() + " RENAME TO " + definition.table() + RETIRED);
                statement.execute("ALTER TABLE " + fresh(definition.table()) + " RENAME TO " + definition.table());
            }
            for (Definition definition : definitions) {
                statement.execute("DROP TABLE " + definition.table() + RETIRED);
                statement.execute("ALTER TABLE " + definition.table() + " RENAME CONSTRAINT "
                        + fresh(definition.primaryKey()) + " TO " + definition.primaryKey());
                for (String index : definition.indexes().keySet()) {
                    statement.execute("ALTER INDEX " + fresh(index) + " RENAME TO " + index);
                }
            }
        }
    }

    private static String fresh(String name) {
        return name + FreshTableNames.SUFFIX;
    }

    private static Definition definition(DatabaseMetaData metaData, String table) throws SQLException {
        String stored = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT)
                : table.toLowerCase(Locale.ROOT);
        String schema = metaData.getConnection().getSchema();
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = metaData.getColumns(null, schema, stored, null)) {
            while (rows.next()) {
                String type = rows.getString("TYPE_NAME");
                if (VARYING_CHARACTERS.contains(type.toLowerCase(Locale.ROOT))) {
                    type += "(" + rows.getInt("COLUMN_SIZE") + ")";
                }
                columns.add(rows.getString("COLUMN_NAME") + " " + type
                            + ("NO".equals(rows.getString("IS_NULLABLE")) ? " NOT NULL" : ""));
            }
        }
        String primaryKey = null;
        Map<Integer, String> keyColumns = new TreeMap<>();
        try (ResultSet rows = metaData.getPrimaryKeys(null, schema, stored)) {
            while (rows.next()) {
                primaryKey = rows.getString("PK_NAME");
                keyColumns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
            }
        }
        if (columns.isEmpty() || primaryKey == null) {
            throw new IllegalStateException("View table " + table + " is missing or has no primary key");
        }
        List<String> key = List.copyOf(keyColumns.values());
        Map<String, Index> indexes = new LinkedHashMap<>();
        try (ResultSet rows = metaData.getIndexInfo(null, schema, stored, false, true)) {
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (name == null || column == null) {
                    continue;
                }
                String direction = "D".equals(rows.getString("ASC_OR_DESC")) ? " DESC" : "";
                boolean unique = !rows.getBoolean("NON_UNIQUE");
                indexes.computeIfAbsent(name, ignored -> new Index(unique, new ArrayList<>()))
                        .columns().add(column + direction);
            }
        }
        // The primary key's own index comes with the key.
        indexes.values().removeIf(index -> index.unique() && index.columns().equals(key));
        return new Definition(table, columns, primaryKey, key, indexes);
    }
}
