package org.incidentlearning.store;

import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Whether other processes may use this store at the same time. PostgreSQL is shared by every node pointed at it; the
 * embedded H2 file is opened by this process alone. Nodes on a shared store split projection work with each other and
 * never trust what they kept in memory over what the store says.
 */
@Component
public class SharedStore {

    private final boolean shared;

    public SharedStore(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            this.shared = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    public boolean isShared() {
        return shared;
    }
}
